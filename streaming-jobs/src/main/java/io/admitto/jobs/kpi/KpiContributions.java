package io.admitto.jobs.kpi;

import io.admitto.jobs.kpi.EncounterFacts.ActiveCoverage;
import io.admitto.jobs.kpi.EncounterFacts.Payment;
import io.admitto.jobs.kpi.EncounterFacts.Quality;
import io.admitto.jobs.kpi.EncounterFacts.Registration;
import io.admitto.jobs.kpi.EncounterFacts.Remittance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KPI definitions: what one encounter adds to which day's numerators and denominators, given what
 * is known about it. docs/kpis.md says the same in words; keep the two together. Counts are in
 * hundredths (one encounter adds 100) and money in cents, so that all of it adds up as DECIMAL(12,2).
 */
final class KpiContributions {
    private static final long ONE = 100;
    private static final Set<String> INPATIENT_CLASSES = Set.of("I", "B");
    private static final Set<String> OUTPATIENT_CLASSES = Set.of("O", "R");
    private static final String EMERGENCY_CLASS = "E";

    /** A KPI of one day. */
    record Cell(KpiDay day, Kpi kpi) {}

    /** What one encounter adds to a cell. */
    record Share(long numerator, long denominator) {
        Share plus(Share other) {
            return new Share(numerator + other.numerator, denominator + other.denominator);
        }
    }

    private KpiContributions() {}

    /** The deltas that turn {@code before}'s contributions into {@code after}'s: retractions and additions. */
    static List<KpiDelta> between(EncounterFacts before, EncounterFacts after) {
        Map<Cell, Share> old = of(before);
        Map<Cell, Share> current = of(after);
        Set<Cell> cells = new LinkedHashSet<>(old.keySet());
        cells.addAll(current.keySet());
        List<KpiDelta> deltas = new ArrayList<>();
        for (Cell cell : cells) {
            Share was = old.getOrDefault(cell, new Share(0, 0));
            Share is = current.getOrDefault(cell, new Share(0, 0));
            if (was.numerator() != is.numerator() || was.denominator() != is.denominator()) {
                deltas.add(KpiDelta.ratio(cell.day(), cell.kpi(), is.numerator() - was.numerator(), is.denominator() - was.denominator()));
            }
        }
        return deltas;
    }

    /** Everything the encounter adds, by cell. */
    static Map<Cell, Share> of(EncounterFacts facts) {
        Map<Cell, Share> shares = new LinkedHashMap<>();
        if (facts == null) {
            return shares;
        }
        registration(facts, shares);
        quality(facts, shares);
        claims(facts, shares);
        return shares;
    }

    private static void registration(EncounterFacts facts, Map<Cell, Share> shares) {
        Registration registration = facts.registration();
        if (registration == null) {
            return;
        }
        Integer serviceDay = serviceDay(facts);
        if (serviceDay == null) {
            return;
        }
        KpiDay day = new KpiDay(serviceDay, facts.facilityId(), orUnknown(registration.department()), KpiDay.DEPARTMENT);
        String patientClass = registration.patientClass();

        // Scheduled = booked at least a calendar day ahead; walk-ins and the ED are not; cancellations count.
        if (registration.bookedDay() != null && registration.bookedDay() < serviceDay && !EMERGENCY_CLASS.equals(patientClass)) {
            Integer preRegistered = facts.milestones().preRegisteredDay();
            add(shares, day, Kpi.PRE_REGISTRATION_RATE, preRegistered != null && preRegistered < serviceDay, ONE);
        }
        if (!facts.registered()) {
            return;
        }
        long registeredAt = facts.milestones().registeredAt();
        if (registration.primaryPayerId() != null) {
            ActiveCoverage active = facts.coverage().activeFrom(registration.primaryPayerId());
            add(shares, day, Kpi.INSURANCE_VERIFICATION_RATE, active != null && active.at() <= registeredAt, ONE);
        }
        if (facts.coverage().authorizationRequired()) {
            Long authorizedAt = facts.coverage().authorizedAt();
            boolean authorized = authorizedAt != null && authorizedAt <= registeredAt;
            if (INPATIENT_CLASSES.contains(patientClass)) {
                add(shares, day, Kpi.SERVICE_AUTHORIZATION_RATE_INPATIENT, authorized, ONE);
            }
            else if (OUTPATIENT_CLASSES.contains(patientClass)) {
                add(shares, day, Kpi.SERVICE_AUTHORIZATION_RATE_OUTPATIENT, authorized, ONE);
            }
        }
        if (!facts.milestones().insuredAtRegistration()) {
            add(shares, day, Kpi.UNINSURED_CONVERSION_RATE, registration.primaryPayerId() != null, ONE);
        }
        if (!EMERGENCY_CLASS.equals(patientClass)) {
            Long serviceStartedAt = facts.flow().serviceStartedAt();
            for (Payment payment : facts.payments()) {
                add(shares, day, Kpi.POS_CASH_COLLECTION_RATE, serviceStartedAt == null || payment.at() <= serviceStartedAt, payment.cents());
            }
        }
    }

    private static void quality(EncounterFacts facts, Map<Cell, Share> shares) {
        Quality quality = facts.quality();
        if (quality == null || !facts.registered()) {
            return;
        }
        Integer serviceDay = quality.serviceDay() != null ? quality.serviceDay() : serviceDay(facts);
        if (serviceDay == null) {
            return;
        }
        String department = orUnknown(quality.department());
        for (String registrar : List.of(KpiDay.DEPARTMENT, orUnknown(quality.registrarId()))) {
            KpiDay day = new KpiDay(serviceDay, facts.facilityId(), department, registrar);
            merge(shares, new Cell(day, Kpi.REGISTRATION_ERROR_RATE), new Share(quality.errors() * ONE, ONE));
            add(shares, day, Kpi.REGISTRATION_ACCURACY_RATE, quality.clean(), ONE);
        }
    }

    private static void claims(EncounterFacts facts, Map<Cell, Share> shares) {
        String department = orUnknown(facts.registration() == null ? null : facts.registration().department());
        Map<String, Remittance> initial = new HashMap<>();
        for (Remittance remittance : facts.remittances()) {
            // the first 835 of each claim is its initial adjudication; ties go to the lower event id
            initial.merge(remittance.claimId(), remittance, (a, b) -> b.at() < a.at() || b.at() == a.at() && b.id().compareTo(a.id()) < 0 ? b : a);
            if (remittance.denials() > 0) {
                KpiDay day = new KpiDay(remittance.day(), facts.facilityId(), department, KpiDay.DEPARTMENT);
                merge(shares, new Cell(day, Kpi.PREVENTABLE_DENIAL_SHARE), new Share(remittance.frontEndDenials() * ONE, remittance.denials() * ONE));
            }
        }
        for (Remittance first : initial.values()) {
            KpiDay day = new KpiDay(first.day(), facts.facilityId(), department, KpiDay.DEPARTMENT);
            boolean denied = first.denials() > 0;
            add(shares, day, Kpi.INITIAL_DENIAL_RATE, denied, ONE);
            add(shares, day, Kpi.INITIAL_DENIAL_RATE_DOLLARS, denied, first.billedCents());
        }
        for (EncounterFacts.Acknowledgment acknowledgment : facts.acknowledgments()) {
            KpiDay day = new KpiDay(acknowledgment.day(), facts.facilityId(), department, KpiDay.DEPARTMENT);
            add(shares, day, Kpi.CLAIM_REJECTION_RATE, acknowledgment.rejected(), ONE);
        }
    }

    /** The service date: of the scheduled service, else of the registration, else of the pre-registration. */
    private static Integer serviceDay(EncounterFacts facts) {
        if (facts.registration().serviceDay() != null) {
            return facts.registration().serviceDay();
        }
        return facts.milestones().registeredDay() != null ? facts.milestones().registeredDay() : facts.milestones().preRegisteredDay();
    }

    private static void add(Map<Cell, Share> shares, KpiDay day, Kpi kpi, boolean inNumerator, long weight) {
        merge(shares, new Cell(day, kpi), new Share(inNumerator ? weight : 0, weight));
    }

    private static void merge(Map<Cell, Share> shares, Cell cell, Share share) {
        shares.merge(cell, share, Share::plus);
    }

    private static String orUnknown(String value) {
        return value == null ? KpiDay.UNKNOWN : value;
    }
}
