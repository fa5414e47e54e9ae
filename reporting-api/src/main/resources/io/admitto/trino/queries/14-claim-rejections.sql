-- Claim rejections (277CA) by payer
-- Claims the payer's front end rejected before adjudication, kept apart from denials: per payer and 277CA category and status code.
SELECT coalesce(payer_id, '(unknown)') AS payer_id, category_code, coalesce(status_code, '') AS status_code,
       count(*) AS rejections,
       count(DISTINCT claim_id) AS claims
FROM admitto.analytics.claim_rejections
GROUP BY payer_id, category_code, status_code
ORDER BY rejections DESC, payer_id, category_code, status_code
