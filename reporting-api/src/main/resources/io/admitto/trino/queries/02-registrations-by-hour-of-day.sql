-- Registrations and registration wait by hour of day
-- When the front desk is busiest, for staffing: registrations per UTC hour of day over all days, and the mean of the hourly median waits from arrival to registration complete.
SELECT hour(hour_start) AS utc_hour,
       sum(registrations) AS registrations,
       round(avg(median_registration_wait_seconds) / 60, 1) AS mean_median_wait_minutes
FROM admitto.analytics.department_hourly
GROUP BY hour(hour_start)
ORDER BY utc_hour
