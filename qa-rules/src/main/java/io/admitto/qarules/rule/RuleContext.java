package io.admitto.qarules.rule;

import io.admitto.events.EligibilityResponse;
import io.admitto.events.Insurance;
import io.admitto.events.Patient;
import io.admitto.events.PatientAcknowledgments;
import io.admitto.events.PatientClass;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.ScheduledService;
import io.admitto.qarules.config.OrganizationConfig;
import io.admitto.qarules.config.PayerPolicy;
import io.admitto.qarules.snapshot.RegistrationSnapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What every rule needs, computed once per assessment: the snapshot, the organisation's
 * configuration and facts derived from them (service date in the facility's local time, primary
 * coverage, patient age, self-pay...). "Now" is {@link #now()}, the snapshot's instant; nothing here
 * reads the clock.
 */
public final class RuleContext
{
    private final RegistrationSnapshot snapshot;
    private final OrganizationConfig config;
    private final RegistrationEvent registration;
    private final OffsetDateTime serviceStart;
    private final LocalDate serviceDate;
    private final Insurance primary;
    private final int primaryIndex;
    private final boolean selfPay;
    private final int ageAtService;

    public RuleContext(RegistrationSnapshot snapshot, OrganizationConfig config)
    {
        this.snapshot = requireNonNull(snapshot, "snapshot is null");
        this.config = requireNonNull(config, "config is null");
        this.registration = requireNonNull(snapshot.registration(), "snapshot has no registration");
        ScheduledService service = registration.scheduledService();
        this.serviceStart = service == null ? null : service.scheduledFor();
        // the facility's local date: the offset an interface sends is the facility's, so a 23:30 visit
        // in Chicago is on the Chicago day, not on the next UTC day
        this.serviceDate = serviceStart == null ? null : serviceStart.toLocalDate();
        List<Insurance> insurances = registration.insurances();
        int best = -1;
        for (int i = 0; i < insurances.size(); i++) {
            if (best < 0 || insurances.get(i).priority() < insurances.get(best).priority()) {
                best = i;
            }
        }
        this.primaryIndex = best;
        this.primary = best < 0 ? null : insurances.get(best);
        boolean anyCoverage = false;
        for (int iInsurance = 0; iInsurance < insurances.size(); iInsurance++) {
            Insurance insurance = insurances.get(iInsurance);
            anyCoverage |= insurance.planType() != PlanType.SELF_PAY;
        }
        this.selfPay = !anyCoverage;
        Patient patient = registration.patient();
        this.ageAtService = patient == null || patient.birthDate() == null || serviceDate == null || patient.birthDate().isAfter(serviceDate)
                ? -1
                : yearsBetween(patient.birthDate(), serviceDate);
    }

    public RegistrationSnapshot snapshot()
    {
        return snapshot;
    }

    public OrganizationConfig config()
    {
        return config;
    }

    public RegistrationEvent registration()
    {
        return registration;
    }

    /** The snapshot's instant: the only "now" a rule may use. */
    public Instant now()
    {
        return snapshot.asOf();
    }

    /** The patient is at the desk (registered or admitted), not only pre-registered. */
    public boolean registered()
    {
        return snapshot.registered();
    }

    public Patient patient()
    {
        return registration.patient();
    }

    public PatientAcknowledgments acknowledgments()
    {
        return registration.acknowledgments();
    }

    public boolean emergency()
    {
        return registration.patientClass() == PatientClass.EMERGENCY;
    }

    /** When the service is scheduled to start (for walk-ins, arrival); null when unknown. */
    public OffsetDateTime serviceStart()
    {
        return serviceStart;
    }

    /** When service actually started per the tracking board, else when it was scheduled to. */
    public OffsetDateTime serviceStartedAt()
    {
        OffsetDateTime started = snapshot.flow().serviceStartedAt();
        return started != null ? started : serviceStart;
    }

    /** The service date in the facility's local time; null when unknown. */
    public LocalDate serviceDate()
    {
        return serviceDate;
    }

    public String serviceCode()
    {
        ScheduledService service = registration.scheduledService();
        return service == null ? null : service.code();
    }

    /** Whole years at the service date; -1 when birth date or service date is unknown or the birth date is after service. */
    public int ageAtService()
    {
        return ageAtService;
    }

    /** The coverage with the lowest priority number; null for self-pay with no insurance listed. */
    public Insurance primary()
    {
        return primary;
    }

    /** Field path prefix of the primary coverage, e.g. {@code insurances[0]}. */
    public String primaryPath()
    {
        return "insurances[" + primaryIndex + "]";
    }

    /** No coverage listed, or only self-pay entries. */
    public boolean selfPay()
    {
        return selfPay;
    }

    public boolean insured(Insurance insurance)
    {
        return insurance.planType() != PlanType.SELF_PAY;
    }

    public PayerPolicy payer(Insurance insurance)
    {
        return config.payer(insurance.payerId());
    }

    /** The latest 271 from this coverage's payer; null when none was received. */
    public EligibilityResponse eligibility(Insurance insurance)
    {
        return snapshot.eligibilityFrom(insurance.payerId());
    }

    public static boolean isMedicare(PlanType planType)
    {
        return planType == PlanType.MEDICARE_FFS || planType == PlanType.MEDICARE_ADVANTAGE;
    }

    /** Instant order, whatever the offsets (OffsetDateTime.isBefore compares instants without allocating). */
    public static boolean before(OffsetDateTime a, OffsetDateTime b)
    {
        return a.isBefore(b);
    }

    /** {@code at} is known and not after "now": it has happened. */
    public boolean happened(OffsetDateTime at)
    {
        if (at == null) {
            return false;
        }
        Instant now = now();
        long seconds = at.toEpochSecond();
        return seconds < now.getEpochSecond() || seconds == now.getEpochSecond() && at.getNano() <= now.getNano();
    }

    /** Whole years from {@code from} to {@code to} (an age), without the allocation of {@link Period#between}. */
    public static int yearsBetween(LocalDate from, LocalDate to)
    {
        int years = to.getYear() - from.getYear();
        if (to.getMonthValue() < from.getMonthValue() || to.getMonthValue() == from.getMonthValue() && to.getDayOfMonth() < from.getDayOfMonth()) {
            years--;
        }
        return years;
    }
}
