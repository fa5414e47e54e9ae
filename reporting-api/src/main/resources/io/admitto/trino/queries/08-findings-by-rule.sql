-- Registration findings by rule
-- Which QA rules fire most on the current assessments: registrations flagged, findings and the share of all assessed registrations, with each rule's category and severity.
WITH current_version AS (
    SELECT encounter_id, max(version) AS version
    FROM admitto.analytics.registration_quality
    GROUP BY encounter_id)
SELECT f.rule_id, f.category, f.severity,
       count(DISTINCT f.encounter_id) AS registrations_flagged,
       count(*) AS findings,
       round(CAST(count(DISTINCT f.encounter_id) AS double) / (SELECT count(*) FROM current_version), 3) AS share_of_registrations
FROM admitto.analytics.registration_findings f
JOIN current_version c ON f.encounter_id = c.encounter_id AND f.version = c.version
GROUP BY f.rule_id, f.category, f.severity
ORDER BY registrations_flagged DESC, f.rule_id
