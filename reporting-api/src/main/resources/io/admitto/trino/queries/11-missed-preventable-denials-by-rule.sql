-- Preventable denials the QA rules missed, by rule
-- For each front-end denial no finding predicted: the rules that did fire on the registration before the claim (their findings did not point at this CARC), or "(no finding)" when the registration looked clean. Rules that fire often on missed denials are candidates for a wider CARC mapping; many "(no finding)" rows in a category call for a new rule.
SELECT rule_id, category,
       count(*) AS missed_denials,
       sum(amount) AS missed_amount,
       array_join(array_agg(DISTINCT carc ORDER BY carc), ',') AS carcs
FROM admitto.analytics.denials
CROSS JOIN UNNEST(
    CASE WHEN findings_before_claim = '' THEN ARRAY['(no finding)'] ELSE split(findings_before_claim, ',') END) AS fired(rule_id)
WHERE front_end AND NOT caught_by_qa
GROUP BY rule_id, category
ORDER BY missed_denials DESC, rule_id, category
