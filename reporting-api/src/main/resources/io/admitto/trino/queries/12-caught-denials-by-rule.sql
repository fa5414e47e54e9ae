-- Denials each QA rule predicted
-- The other side: for denials a finding predicted before the claim, which rules predicted them, how many and how many dollars. A registration corrected on that finding avoids the denial.
SELECT rule_id,
       count(*) AS caught_denials,
       sum(amount) AS caught_amount,
       array_join(array_agg(DISTINCT category ORDER BY category), ',') AS categories
FROM admitto.analytics.denials
CROSS JOIN UNNEST(split(predicted_by, ',')) AS predicted(rule_id)
WHERE caught_by_qa AND predicted_by <> ''
GROUP BY rule_id
ORDER BY caught_denials DESC, rule_id
