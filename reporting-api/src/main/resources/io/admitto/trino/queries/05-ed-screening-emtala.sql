-- ED medical screening and registration (EMTALA)
-- EMTALA forbids delaying the medical screening exam for registration or payment questions. Per facility: ED visits screened, the median and 90th percentile minutes from arrival to screening, and how many were fully registered before they were screened.
SELECT facility_id,
       count(*) AS screened_visits,
       round(approx_percentile(arrival_to_screening_seconds, 0.5) / 60, 1) AS p50_minutes_to_screening,
       round(approx_percentile(arrival_to_screening_seconds, 0.9) / 60, 1) AS p90_minutes_to_screening,
       count_if(registration_completed_at < medical_screening_at) AS registered_before_screening
FROM admitto.analytics.wait_times
WHERE department = 'ED' AND medical_screening_at IS NOT NULL
GROUP BY facility_id
ORDER BY facility_id
