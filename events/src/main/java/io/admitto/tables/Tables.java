package io.admitto.tables;

import java.util.List;
import java.util.Optional;

import static io.admitto.tables.Column.required;

/** The catalogue of analytic tables. Table names are a contract: docs, API, DDL and analysts' SQL use them. */
public final class Tables {
    private Tables() {}

    /** Partition column of every event-time table: the UTC date of the row's event time. */
    public static final Column EVENT_DATE = required("event_date", ColumnType.DATE,
            "UTC calendar date of the row's event time (Hive partition folder event_date=YYYY-MM-DD).");

    public static final TableSchema DEPARTMENT_HOURLY = new TableSchema(
            "department_hourly",
            "Registrations per facility, department and event-time hour, with the median wait from arrival "
                    + "to registration complete. Written by DepartmentFlowJob.",
            List.of(
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    required("department", ColumnType.STRING, "Department code (ED, IMG, SURG, INPT, CLIN)."),
                    required("hour_start", ColumnType.TIMESTAMP,
                            "Start of the UTC event-time hour."),
                    required("registrations", ColumnType.BIGINT,
                            "Registrations (registration.registered and registration.admitted events) whose "
                                    + "event time falls in this hour."),
                    Column.optional("median_registration_wait_seconds", ColumnType.DOUBLE,
                            "Median seconds from arrival to registration complete over the encounters whose "
                                    + "registration was completed in this hour (for an even count, the mean of the "
                                    + "two middle values); null when none was.")),
            EVENT_DATE);

    public static final TableSchema WAIT_TIMES = new TableSchema(
            "wait_times",
            "One row per encounter: when each step of the visit happened and the waits between them, "
                    + "from patient-flow events. Written by WaitTimesJob when the patient departs (or when the "
                    + "encounter's horizon passes without a departure).",
            List.of(
                    required("encounter_id", ColumnType.STRING, "Encounter (visit) id; not a patient identifier."),
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    required("department", ColumnType.STRING, "Department of the arrival (ED, IMG, SURG, INPT, CLIN)."),
                    required("arrived_at", ColumnType.TIMESTAMP, "flow.arrived."),
                    Column.optional("registration_started_at", ColumnType.TIMESTAMP, "flow.registration_started."),
                    Column.optional("registration_completed_at", ColumnType.TIMESTAMP, "flow.registration_completed."),
                    Column.optional("medical_screening_at", ColumnType.TIMESTAMP,
                            "flow.medical_screening_completed (ED medical screening exam, EMTALA)."),
                    Column.optional("service_started_at", ColumnType.TIMESTAMP, "flow.service_started (roomed / service start)."),
                    Column.optional("departed_at", ColumnType.TIMESTAMP, "flow.departed; null when the horizon passed first."),
                    Column.optional("arrival_to_registration_seconds", ColumnType.DOUBLE, "registration_completed_at − arrived_at."),
                    Column.optional("registration_to_service_seconds", ColumnType.DOUBLE, "service_started_at − registration_completed_at."),
                    Column.optional("arrival_to_screening_seconds", ColumnType.DOUBLE, "medical_screening_at − arrived_at (ED)."),
                    Column.optional("arrival_to_service_seconds", ColumnType.DOUBLE, "service_started_at − arrived_at."),
                    Column.optional("length_of_stay_seconds", ColumnType.DOUBLE, "departed_at − arrived_at.")),
            EVENT_DATE);

    public static final TableSchema WAIT_TIME_STATS = new TableSchema(
            "wait_time_stats",
            "Wait-time percentiles per facility, department, wait phase and event-time hour. A wait belongs to "
                    + "the hour in which it ended (like department_hourly), so an hour is final as soon as event time "
                    + "passes it. Percentiles come from a t-digest (compression 100) that is stored too, so hours can "
                    + "be merged into days or weeks without losing the percentile. Written by WaitTimesJob.",
            List.of(
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    required("department", ColumnType.STRING, "Department code."),
                    required("phase", ColumnType.STRING,
                            "arrival_to_registration, registration_to_service, arrival_to_screening or arrival_to_service."),
                    required("hour_start", ColumnType.TIMESTAMP, "Start of the UTC event-time hour in which the waits ended."),
                    required("samples", ColumnType.BIGINT, "Waits measured."),
                    required("p50_seconds", ColumnType.DOUBLE, "Median wait (t-digest estimate)."),
                    required("p90_seconds", ColumnType.DOUBLE, "90th percentile wait (t-digest estimate)."),
                    required("p95_seconds", ColumnType.DOUBLE, "95th percentile wait (t-digest estimate)."),
                    required("max_seconds", ColumnType.DOUBLE, "Longest wait (exact)."),
                    required("sla_seconds", ColumnType.DOUBLE, "The service-level target for this phase and department."),
                    required("sla_breaches", ColumnType.BIGINT, "Waits longer than sla_seconds (exact)."),
                    required("tdigest", ColumnType.BINARY,
                            "The t-digest of the hour's waits (com.tdunning MergingDigest.asBytes), for merging hours.")),
            EVENT_DATE);

    public static final TableSchema REGISTRATION_QUALITY = new TableSchema(
            "registration_quality",
            "One row per assessment version of a registration: written by RegistrationQualityJob each time what is known "
                    + "about the encounter changes its assessment. The latest version per encounter is the current one: "
                    + "`QUALIFY row_number() OVER (PARTITION BY encounter_id ORDER BY version DESC) = 1`. "
                    + "No direct identifiers: the patient appears only as patient_key.",
            List.of(
                    required("encounter_id", ColumnType.STRING, "Encounter (visit) id."),
                    required("version", ColumnType.INTEGER, "1 for the first assessment of the encounter, then +1 per change."),
                    required("assessed_at", ColumnType.TIMESTAMP, "Event time of the change that produced this version."),
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    Column.optional("department", ColumnType.STRING, "Department code."),
                    Column.optional("registrar_id", ColumnType.STRING, "Registrar the findings are attributed to (HL7 EVN-5)."),
                    Column.optional("patient_class", ColumnType.STRING, "HL7 PV1-2 patient class."),
                    Column.optional("payer_id", ColumnType.STRING, "Primary payer; SELF for self-pay."),
                    Column.optional("financial_class", ColumnType.STRING, "HL7 PV1-20 financial class."),
                    Column.optional("service_date", ColumnType.DATE, "Scheduled service date (facility local)."),
                    Column.optional("patient_key", ColumnType.STRING, "Keyed pseudonym of the MRN (HMAC-SHA-256): links a patient's encounters without identifying them."),
                    required("score", ColumnType.INTEGER, "0-100; 100 without findings."),
                    required("grade", ColumnType.STRING, "A-F from the score (configurable thresholds)."),
                    required("clean", ColumnType.BOOLEAN, "HFMA: no error or critical finding."),
                    required("critical_count", ColumnType.INTEGER, "Critical findings."),
                    required("error_count", ColumnType.INTEGER, "Error findings."),
                    required("warning_count", ColumnType.INTEGER, "Warning findings.")),
            required("event_date", ColumnType.DATE, "UTC date of assessed_at (Hive partition folder event_date=YYYY-MM-DD)."));

    public static final TableSchema REGISTRATION_FINDINGS = new TableSchema(
            "registration_findings",
            "One row per finding of each assessment version in registration_quality. Messages quote entered values and "
                    + "so live in registration_phi; this table says which rule fired where.",
            List.of(
                    required("encounter_id", ColumnType.STRING, "Encounter (visit) id."),
                    required("version", ColumnType.INTEGER, "The registration_quality version the finding belongs to."),
                    required("assessed_at", ColumnType.TIMESTAMP, "As in registration_quality."),
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    Column.optional("registrar_id", ColumnType.STRING, "Registrar the finding is attributed to."),
                    required("rule_id", ColumnType.STRING, "Rule (see docs/rules.md)."),
                    required("category", ColumnType.STRING, "Rule category."),
                    required("severity", ColumnType.STRING, "critical, error or warning (after the organisation's configuration)."),
                    required("field_path", ColumnType.STRING, "Where in the registration, e.g. insurances[0].memberId."),
                    required("predicted_carcs", ColumnType.STRING, "Comma-separated CARCs the payer is expected to use; empty for compliance findings.")),
            required("event_date", ColumnType.DATE, "UTC date of assessed_at (Hive partition folder event_date=YYYY-MM-DD)."));

    public static final TableSchema REGISTRATION_PHI = new TableSchema(
            "registration_phi",
            "RESTRICTED. The identifying fields QA reviewers need beside each assessment version, and the findings' "
                    + "messages (which quote entered values). Served only to QA roles through the API, every read audited; "
                    + "analysts cannot read it.",
            List.of(
                    required("encounter_id", ColumnType.STRING, "Encounter (visit) id."),
                    required("version", ColumnType.INTEGER, "The registration_quality version."),
                    required("assessed_at", ColumnType.TIMESTAMP, "As in registration_quality."),
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    Column.optional("mrn", ColumnType.STRING, "Medical record number."),
                    Column.optional("patient_key", ColumnType.STRING, "The pseudonym used in the analytic tables."),
                    Column.optional("family_name", ColumnType.STRING, "PID-5 family name."),
                    Column.optional("given_name", ColumnType.STRING, "PID-5 given name."),
                    Column.optional("birth_date", ColumnType.DATE, "PID-7."),
                    Column.optional("sex", ColumnType.STRING, "PID-8."),
                    Column.optional("ssn", ColumnType.STRING, "PID-19 as entered."),
                    Column.optional("phone", ColumnType.STRING, "PID-13."),
                    Column.optional("address", ColumnType.STRING, "PID-11 on one line."),
                    Column.optional("member_id", ColumnType.STRING, "Primary coverage member ID."),
                    required("findings_detail", ColumnType.STRING,
                            "JSON array of {ruleId, severity, message, remediation, valuesSeen} for this version.")),
            required("event_date", ColumnType.DATE, "UTC date of assessed_at (Hive partition folder event_date=YYYY-MM-DD)."));

    public static final TableSchema DENIALS = new TableSchema(
            "denials",
            "One row per denying adjustment (X12 835 CAS, claim or service line; never CLP02) of a remitted claim, with its "
                    + "category, whether patient access could have prevented it, the registration's department and registrar, "
                    + "and whether a QA finding predicted it before the claim (caught) or not (missed). Written by DenialsJob. "
                    + "Contractual write-downs (CO-45) and patient responsibility (PR-1/2/3) are not denials and are not here.",
            List.of(
                    required("encounter_id", ColumnType.STRING, "Encounter (visit) id."),
                    required("claim_id", ColumnType.STRING, "CLP01 patient control number."),
                    Column.optional("payer_id", ColumnType.STRING, "Payer."),
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    Column.optional("department", ColumnType.STRING, "Department of the registration."),
                    Column.optional("registrar_id", ColumnType.STRING, "Registrar of the registration."),
                    required("remitted_at", ColumnType.TIMESTAMP, "Event time of the 835."),
                    Column.optional("claim_status", ColumnType.STRING, "CLP02."),
                    required("group_code", ColumnType.STRING, "CAS group: CO, OA, PI, PR, CR."),
                    required("carc", ColumnType.STRING, "Claim adjustment reason code."),
                    required("remark_codes", ColumnType.STRING, "Claim-level RARCs, comma-separated."),
                    required("amount", ColumnType.MONEY, "Adjusted (denied) amount."),
                    required("billed_amount", ColumnType.MONEY, "CLP03 billed amount of the claim."),
                    required("category", ColumnType.STRING,
                            "ELIGIBILITY, REGISTRATION, COORDINATION_OF_BENEFITS, AUTHORIZATION, MEDICAL_NECESSITY (front end); "
                                    + "TIMELY_FILING, DUPLICATE, CODING, OTHER (back end)."),
                    required("front_end", ColumnType.BOOLEAN, "A correct registration prevents it (preventable by patient access)."),
                    required("findings_before_claim", ColumnType.STRING, "Rule ids of the registration's latest assessment before the claim."),
                    required("predicted_by", ColumnType.STRING, "Rule ids among those whose findings predicted this CARC."),
                    required("caught_by_qa", ColumnType.BOOLEAN, "A finding predicted this denial before the claim.")),
            required("event_date", ColumnType.DATE, "UTC date of remitted_at (Hive partition folder event_date=YYYY-MM-DD)."));

    public static final TableSchema CLAIM_REJECTIONS = new TableSchema(
            "claim_rejections",
            "277CA front-end rejections (STC01 category A3, A6, A7, A8): claims that never entered adjudication, kept "
                    + "apart from denials. Written by DenialsJob.",
            List.of(
                    required("encounter_id", ColumnType.STRING, "Encounter (visit) id."),
                    required("claim_id", ColumnType.STRING, "Patient control number."),
                    Column.optional("payer_id", ColumnType.STRING, "Payer."),
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    Column.optional("department", ColumnType.STRING, "Department of the registration."),
                    Column.optional("registrar_id", ColumnType.STRING, "Registrar of the registration."),
                    required("acknowledged_at", ColumnType.TIMESTAMP, "Event time of the 277CA."),
                    required("category_code", ColumnType.STRING, "STC01-1 category."),
                    Column.optional("status_code", ColumnType.STRING, "STC01-2 status."),
                    Column.optional("entity_code", ColumnType.STRING, "STC01-3 entity.")),
            required("event_date", ColumnType.DATE, "UTC date of acknowledged_at (Hive partition folder event_date=YYYY-MM-DD)."));

    public static final TableSchema DENIAL_PATTERNS = new TableSchema(
            "denial_patterns",
            "Denials per facility, payer, department and category in event-time windows of an hour and of a day "
                    + "(by remittance time), with the claims remitted in the same window as the denominator, a rolling "
                    + "baseline (exponentially weighted moving average and variance of the window's denial count over the "
                    + "earlier windows of the same series, empty windows counted as 0) and a spike flag. A row is written "
                    + "for each window with at least one denial, once event time passes the window. See docs/denials.md for "
                    + "the method and its parameters. Written by DenialsJob.",
            List.of(
                    required("window_size", ColumnType.STRING, "HOUR or DAY."),
                    required("window_start", ColumnType.TIMESTAMP, "Start of the UTC event-time window."),
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    required("payer_id", ColumnType.STRING, "Payer."),
                    required("department", ColumnType.STRING, "Department of the registrations (UNKNOWN when no registration was seen)."),
                    required("category", ColumnType.STRING, "Denial category, as in denials.category."),
                    required("front_end", ColumnType.BOOLEAN, "The category is preventable by patient access."),
                    required("denials", ColumnType.BIGINT, "Denying adjustments (rows of denials) in the window."),
                    required("denied_claims", ColumnType.BIGINT, "Distinct claims with at least one such denial."),
                    required("denied_amount", ColumnType.MONEY, "Sum of the denied amounts."),
                    required("remitted_claims", ColumnType.BIGINT,
                            "Claims of this facility, payer and department remitted (835 CLP) in the window, denied or not."),
                    required("denial_rate", ColumnType.DOUBLE, "denied_claims / remitted_claims."),
                    required("baseline_windows", ColumnType.INTEGER, "Earlier windows of the series the baseline has seen."),
                    Column.optional("baseline_mean", ColumnType.DOUBLE, "EWMA of denials over the earlier windows; null before the first."),
                    Column.optional("baseline_stddev", ColumnType.DOUBLE, "Square root of the EWM variance; null before the first window."),
                    Column.optional("z_score", ColumnType.DOUBLE,
                            "(denials − baseline_mean) / max(baseline_stddev, 1); null while the baseline is warming up."),
                    required("spike", ColumnType.BOOLEAN,
                            "z_score ≥ the threshold and denials ≥ the minimum count, after the warm-up (docs/denials.md).")),
            required("event_date", ColumnType.DATE, "UTC date of window_start (Hive partition folder event_date=YYYY-MM-DD)."));

    public static final TableSchema KPI_DAILY = new TableSchema(
            "kpi_daily",
            "Daily patient-access KPIs (HFMA MAP Keys and registration QA) per facility and department, and the registration "
                    + "error and accuracy rates per registrar, as numerator, denominator and value. A day's figures change "
                    + "while its encounters' eligibility, payments and claims arrive, so each change writes a new version "
                    + "(at most one per KPI and event-time hour); the latest version is the current one: "
                    + "`QUALIFY row_number() OVER (PARTITION BY kpi_date, facility_id, department, registrar_id, kpi ORDER BY version DESC) = 1`. "
                    + "Formulas, inclusions and exclusions: docs/kpis.md. Written by KpiJob.",
            List.of(
                    required("kpi_date", ColumnType.DATE, "The day the KPI is about, as the facility's local date: the service "
                            + "date for registration KPIs, the remittance or acknowledgement date for claim KPIs, the day a wait ended for waits."),
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    required("department", ColumnType.STRING, "Department code."),
                    required("registrar_id", ColumnType.STRING, "Registrar for the per-registrar rates; empty for department rows."),
                    required("kpi", ColumnType.STRING, "KPI name, e.g. insurance_verification_rate (docs/kpis.md)."),
                    Column.optional("numerator", ColumnType.MONEY, "Numerator (a count or dollars); null for percentiles."),
                    Column.optional("denominator", ColumnType.MONEY, "Denominator; null for percentiles."),
                    Column.optional("value", ColumnType.DOUBLE,
                            "numerator / denominator (a ratio 0-1), or seconds for wait percentiles; null when the denominator is 0."),
                    required("unit", ColumnType.STRING, "ratio or seconds."),
                    required("version", ColumnType.INTEGER, "1 for the first figure of the day, then +1 per change."),
                    required("computed_at", ColumnType.TIMESTAMP, "Event time the figure is as of.")),
            required("event_date", ColumnType.DATE, "kpi_date again (Hive partition folder event_date=YYYY-MM-DD)."));

    public static final TableSchema QA_REVIEWS = new TableSchema(
            "qa_reviews",
            "QA reviewers' decisions on flagged registrations, exported from the reporting API's review store (append-only: "
                    + "a changed decision is a new revision). The reviewer's free-text note stays in the review store (it may "
                    + "quote PHI); this table says only whether there is one.",
            List.of(
                    required("review_id", ColumnType.STRING, "Decision id."),
                    required("encounter_id", ColumnType.STRING, "Encounter (visit) id."),
                    required("assessment_version", ColumnType.INTEGER, "The registration_quality version reviewed."),
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    Column.optional("department", ColumnType.STRING, "Department code."),
                    Column.optional("registrar_id", ColumnType.STRING, "Registrar of the registration."),
                    required("rule_ids", ColumnType.STRING, "Comma-separated rules whose findings the decision is about."),
                    required("reviewer", ColumnType.STRING, "User name of the reviewer (staff, not a patient)."),
                    required("decision", ColumnType.STRING, "confirmed_error, corrected, false_positive or needs_follow_up."),
                    required("has_note", ColumnType.BOOLEAN, "The reviewer wrote a note."),
                    required("revision", ColumnType.INTEGER, "1 for the first decision on the encounter, then +1 per change."),
                    required("decided_at", ColumnType.TIMESTAMP, "When the decision was recorded.")),
            required("event_date", ColumnType.DATE, "UTC date of decided_at (Hive partition folder event_date=YYYY-MM-DD)."));

    public static final TableSchema AUDIT_LOG = new TableSchema(
            "audit_log",
            "RESTRICTED (admin only). Every read of PHI and every review decision through the API: who, when, which "
                    + "encounter, which fields and why; append-only and hash-chained (each entry's hash covers the previous "
                    + "hash), exported from the API's audit store.",
            List.of(
                    required("sequence", ColumnType.BIGINT, "Position in the chain, from 1."),
                    required("occurred_at", ColumnType.TIMESTAMP, "When it happened."),
                    required("actor", ColumnType.STRING, "User name."),
                    required("role", ColumnType.STRING, "The role the user acted in."),
                    required("action", ColumnType.STRING, "phi_read, review_decision, ..."),
                    Column.optional("encounter_id", ColumnType.STRING, "Encounter concerned."),
                    required("fields", ColumnType.STRING, "Comma-separated fields shown or written."),
                    required("purpose", ColumnType.STRING, "Why (e.g. qa_review)."),
                    required("previous_hash", ColumnType.STRING, "Hex SHA-256 of the previous entry (64 zeros for the first)."),
                    required("hash", ColumnType.STRING, "Hex SHA-256 over previous_hash and this entry's fields.")),
            required("event_date", ColumnType.DATE, "UTC date of occurred_at (Hive partition folder event_date=YYYY-MM-DD)."));

    public static final TableSchema DEAD_LETTERS = new TableSchema(
            "dead_letters",
            "Input that could not be decoded or validated, whole, with where it was found and why it was refused, "
                    + "so nothing is lost and it can be fixed and replayed. RESTRICTED: the payload is raw input and may "
                    + "hold PHI; served only to the roles that may see registration_phi.",
            List.of(
                    required("stage", ColumnType.STRING, "Where it was refused: stream (a job could not read a topic record)."),
                    required("format", ColumnType.STRING, "What the input was meant to be: canonical (event JSON)."),
                    required("origin", ColumnType.STRING, "Where it came from: kafka://<topic>/<partition>."),
                    required("location", ColumnType.STRING, "Where in it: offset <n>."),
                    required("reason", ColumnType.STRING, "Why it was refused."),
                    Column.optional("payload", ColumnType.STRING, "The raw input (UTF-8); null for a record without value."),
                    required("received_at", ColumnType.TIMESTAMP, "When it reached the platform (the Kafka record timestamp).")),
            required("event_date", ColumnType.DATE, "UTC date of received_at (Hive partition folder event_date=YYYY-MM-DD)."));

    public static final TableSchema LATE_EVENTS = new TableSchema(
            "late_events",
            "Events that arrived after event time had passed them (behind the watermark: the newest event time seen "
                    + "minus the allowed out-of-orderness). They are not counted in any other table; every input is in "
                    + "exactly one of the jobs' results, dead_letters or late_events.",
            List.of(
                    required("event_id", ColumnType.STRING, "The event's id."),
                    required("event_type", ColumnType.STRING, "The event's type (wire name)."),
                    required("encounter_id", ColumnType.STRING, "Encounter (visit) id."),
                    required("facility_id", ColumnType.STRING, "Facility code."),
                    required("event_time", ColumnType.TIMESTAMP, "When it happened."),
                    required("watermark", ColumnType.TIMESTAMP, "Event time the stream had reached when it arrived."),
                    required("lateness_seconds", ColumnType.DOUBLE, "watermark − event_time.")),
            EVENT_DATE);

    public static List<TableSchema> all() {
        return List.of(DEPARTMENT_HOURLY, WAIT_TIMES, WAIT_TIME_STATS, REGISTRATION_QUALITY, REGISTRATION_FINDINGS,
                REGISTRATION_PHI, DENIALS, DENIAL_PATTERNS, CLAIM_REJECTIONS, KPI_DAILY, DEAD_LETTERS, LATE_EVENTS, QA_REVIEWS,
                AUDIT_LOG);
    }

    public static Optional<TableSchema> byName(String name) {
        return all().stream().filter(table -> table.name().equals(name)).findFirst();
    }
}
