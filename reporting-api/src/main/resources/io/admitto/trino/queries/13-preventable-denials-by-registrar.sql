-- Preventable denials per registrar
-- Front-end denials attributed to each registrar (the registrar of the denied claim's registration) per 100 of their assessed registrations: a coaching list, not a verdict, since payers deny for reasons no registrar controls.
WITH registrations AS (
    SELECT registrar_id, count(DISTINCT encounter_id) AS registrations
    FROM admitto.analytics.registration_quality
    WHERE registrar_id IS NOT NULL
    GROUP BY registrar_id),
preventable AS (
    SELECT registrar_id, count(DISTINCT claim_id) AS denied_claims, sum(amount) AS denied_amount
    FROM admitto.analytics.denials
    WHERE front_end AND registrar_id IS NOT NULL
    GROUP BY registrar_id)
SELECT r.registrar_id, r.registrations,
       coalesce(p.denied_claims, 0) AS preventable_denied_claims,
       coalesce(p.denied_amount, 0) AS preventable_denied_amount,
       round(100.0 * coalesce(p.denied_claims, 0) / r.registrations, 2) AS per_100_registrations
FROM registrations r
LEFT JOIN preventable p ON p.registrar_id = r.registrar_id
ORDER BY per_100_registrations DESC, r.registrar_id
