package io.admitto.ingest.generator;

import static java.util.Objects.requireNonNull;

/**
 * A registration clerk (HL7 EVN-5 operator). Each has an error propensity: a multiplier on the
 * defect rates for the encounters they register, averaging 1 over a facility's staff, so registrar
 * scorecards show a spread like real ones do.
 */
public record Registrar(String id, String facilityId, Role role, Shift shift, double errorPropensity)
{
    /** Where the registrar works. */
    public enum Role
    {
        /** ED registration desk, around the clock; also registers direct admits when admitting is closed. */
        EMERGENCY,
        /** Outpatient and admitting registration desks. */
        PATIENT_ACCESS,
        /** Central pre-registration by phone: pre-registers scheduled patients, checks eligibility, requests authorizations. */
        PRE_ACCESS
    }

    /** Working hours, local time; a shift ending at or before it starts runs past midnight. */
    public enum Shift
    {
        DAY(7, 15),
        EVENING(15, 23),
        NIGHT(23, 7),
        EARLY(5, 14),
        LATE(14, 23),
        OFFICE(8, 18);

        private final int startHour;
        private final int endHour;

        Shift(int startHour, int endHour)
        {
            this.startHour = startHour;
            this.endHour = endHour;
        }

        public boolean covers(int hour)
        {
            return startHour < endHour
                    ? hour >= startHour && hour < endHour
                    : hour >= startHour || hour < endHour;
        }
    }

    public Registrar
    {
        requireNonNull(id, "id is null");
        requireNonNull(facilityId, "facilityId is null");
        requireNonNull(role, "role is null");
        requireNonNull(shift, "shift is null");
        if (!(errorPropensity > 0)) {
            throw new IllegalArgumentException("errorPropensity must be positive: " + errorPropensity);
        }
    }
}
