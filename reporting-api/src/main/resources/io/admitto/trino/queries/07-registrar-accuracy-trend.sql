-- Registrar accuracy trend
-- Each registrar's daily clean rate over the registrations they were assessed on (current assessments, by UTC date of the assessment), with the change from their previous working day; the five registrars with the most registrations.
WITH current_assessment AS (
    SELECT *
    FROM (
        SELECT q.*, row_number() OVER (PARTITION BY encounter_id ORDER BY version DESC) AS newest
        FROM admitto.analytics.registration_quality q
        WHERE registrar_id IS NOT NULL)
    WHERE newest = 1),
busiest AS (
    SELECT registrar_id FROM current_assessment GROUP BY registrar_id ORDER BY count(*) DESC, registrar_id LIMIT 5),
daily AS (
    SELECT registrar_id, event_date AS day, count(*) AS registrations,
           round(CAST(count_if(clean) AS double) / count(*), 3) AS clean_rate
    FROM current_assessment
    WHERE registrar_id IN (SELECT registrar_id FROM busiest)
    GROUP BY registrar_id, event_date)
SELECT registrar_id, day, registrations, clean_rate,
       round(clean_rate - lag(clean_rate) OVER (PARTITION BY registrar_id ORDER BY day), 3) AS change
FROM daily
ORDER BY registrar_id, day
