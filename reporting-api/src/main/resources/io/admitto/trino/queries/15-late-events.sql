-- Late events by type
-- Events that arrived after the stream had passed their time and so are counted in no other table: how many per event type, and how late (data quality of the feeds).
SELECT event_type,
       count(*) AS late_events,
       round(avg(lateness_seconds) / 60, 1) AS mean_minutes_late,
       round(max(lateness_seconds) / 60, 1) AS max_minutes_late
FROM admitto.analytics.late_events
GROUP BY event_type
ORDER BY late_events DESC, event_type
