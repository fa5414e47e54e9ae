-- Clean registration rate by facility and department
-- HFMA's clean registration rate: the share of registrations whose current assessment has no error or critical finding, with the mean quality score. The current assessment is the latest version per encounter.
WITH current_assessment AS (
    SELECT *
    FROM (
        SELECT q.*, row_number() OVER (PARTITION BY encounter_id ORDER BY version DESC) AS newest
        FROM admitto.analytics.registration_quality q)
    WHERE newest = 1)
SELECT facility_id, department,
       count(*) AS registrations,
       count_if(clean) AS clean,
       round(CAST(count_if(clean) AS double) / count(*), 3) AS clean_rate,
       round(avg(score), 1) AS mean_score
FROM current_assessment
GROUP BY facility_id, department
ORDER BY facility_id, department
