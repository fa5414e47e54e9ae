package io.admitto.qarules;

/** What part of a registration a rule checks; QA dashboards group findings by it. */
public enum Category
{
    IDENTITY("Demographics and identity"),
    SUBSCRIBER("Subscriber and member ID"),
    PLAN("Plan choice and financial class"),
    COVERAGE_DATES("Coverage dates"),
    ELIGIBILITY("Eligibility verification"),
    AUTHORIZATION("Prior authorization"),
    REFERRAL("Referral"),
    COORDINATION_OF_BENEFITS("Coordination of benefits and MSP"),
    GUARANTOR("Guarantor"),
    CONSENT("Consent, assignment of benefits and privacy notice"),
    PHYSICIAN_ORDER("Physician order"),
    MEDICAL_NECESSITY("Medical necessity and ABN"),
    FINANCIAL_CLEARANCE("Financial clearance"),
    EMTALA("EMTALA"),
    NO_SURPRISES_ACT("No Surprises Act good-faith estimate"),
    TIMELINESS("Timeliness");

    private final String title;

    Category(String title)
    {
        this.title = title;
    }

    public String title()
    {
        return title;
    }
}
