package io.admitto.ingest.generator;

import static java.util.Objects.requireNonNull;

/** The departments of a generated facility, by the code registrations carry (PV1-3/PV1-10). */
public enum Department
{
    /** Emergency department: walk-ins around the clock, patient class E, screening exam before money. */
    ED("ED"),
    /** Outpatient imaging: mostly scheduled on weekdays; MRI and CT often need prior authorization. */
    IMG("IMG"),
    /** Surgery: scheduled on weekdays, outpatient or admitted. */
    SURG("SURG"),
    /** Inpatient admissions (A01): elective and direct admits, every day. */
    INPT("INPT"),
    /** Clinics: scheduled office visits on weekdays. */
    CLIN("CLIN");

    private final String code;

    Department(String code)
    {
        this.code = requireNonNull(code, "code is null");
    }

    public String code()
    {
        return code;
    }
}
