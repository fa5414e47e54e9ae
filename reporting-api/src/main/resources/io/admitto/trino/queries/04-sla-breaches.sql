-- Service-level breaches by department and wait phase
-- From the hourly statistics the wait-times job keeps: waits measured, waits over the phase's target, the breach rate and the longest wait.
SELECT department, phase,
       max(sla_seconds) / 60 AS sla_minutes,
       sum(samples) AS waits,
       sum(sla_breaches) AS breaches,
       round(CAST(sum(sla_breaches) AS double) / sum(samples), 3) AS breach_rate,
       round(max(max_seconds) / 60, 1) AS longest_minutes
FROM admitto.analytics.wait_time_stats
GROUP BY department, phase
ORDER BY department, phase
