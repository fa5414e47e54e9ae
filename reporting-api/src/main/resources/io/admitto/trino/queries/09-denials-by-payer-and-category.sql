-- Denials by payer and category
-- Denied claims and dollars per payer and denial category, and each category's share of the payer's denied dollars. (The denial rate needs the claims remitted without a denial too: denial_patterns.remitted_claims, once that table is written.)
SELECT coalesce(payer_id, '(unknown)') AS payer_id, category, front_end,
       count(DISTINCT claim_id) AS denied_claims,
       sum(amount) AS denied_amount,
       round(CAST(sum(amount) AS double) / sum(sum(amount)) OVER (PARTITION BY payer_id), 3) AS share_of_payer_amount
FROM admitto.analytics.denials
GROUP BY payer_id, category, front_end
ORDER BY payer_id, denied_amount DESC, category
