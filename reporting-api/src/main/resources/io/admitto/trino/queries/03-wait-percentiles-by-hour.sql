-- Wait-time percentiles by hour of arrival
-- Arrival to registration complete, per department and UTC hour of arrival: visits and the 50th, 90th and 95th percentile wait in minutes (approx_percentile over the visits in wait_times).
SELECT department,
       hour(arrived_at) AS utc_hour,
       count(*) AS visits,
       round(approx_percentile(arrival_to_registration_seconds, 0.5) / 60, 1) AS p50_minutes,
       round(approx_percentile(arrival_to_registration_seconds, 0.9) / 60, 1) AS p90_minutes,
       round(approx_percentile(arrival_to_registration_seconds, 0.95) / 60, 1) AS p95_minutes
FROM admitto.analytics.wait_times
WHERE arrival_to_registration_seconds IS NOT NULL
GROUP BY department, hour(arrived_at)
ORDER BY department, utc_hour
