-- Preventable denials: caught by QA or missed
-- Front-end (preventable) denials per category: how many a QA finding predicted before the claim went out (caught) and how many it did not (missed), with the capture rate and the dollars missed.
SELECT category,
       count(*) AS denials,
       count_if(caught_by_qa) AS caught,
       count_if(NOT caught_by_qa) AS missed,
       round(CAST(count_if(caught_by_qa) AS double) / count(*), 3) AS capture_rate,
       coalesce(sum(amount) FILTER (WHERE NOT caught_by_qa), 0) AS missed_amount
FROM admitto.analytics.denials
WHERE front_end
GROUP BY category
ORDER BY denials DESC, category
