-- Registration volume by facility and department
-- The registration-volume KPI of the dashboards (GET /api/kpi/registration-volume): registrations per facility and department, with the hours that had any and the busiest hour.
SELECT facility_id, department,
       sum(registrations) AS registrations,
       count(*) AS active_hours,
       max(registrations) AS busiest_hour
FROM admitto.analytics.department_hourly
GROUP BY facility_id, department
ORDER BY facility_id, department
