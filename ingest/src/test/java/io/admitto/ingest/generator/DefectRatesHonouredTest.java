package io.admitto.ingest.generator;

import io.admitto.events.Insurance;
import io.admitto.events.PlanType;
import io.admitto.events.RegistrationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a larger run each configured rate holds among the encounters where the defect can occur,
 * within sampling error and the spread of registrar propensities.
 */
class DefectRatesHonouredTest
{
    @TempDir
    Path directory;

    @Test
    void injectedShareOfApplicableEncountersIsCloseToTheConfiguredRate()
    {
        DefectRates rates = DefectRates.defaults()
                .with(Defect.BAD_DEMOGRAPHICS, 0.08)
                .with(Defect.NO_ELIGIBILITY_CHECK, 0.06)
                .with(Defect.MISSING_CONSENT, 0.04);
        RecordedRun run = RecordedRun.generate(GeneratorConfig.defaults(99).withDays(14).withFacilities(2)
                .withDailyEncountersPerFacility(300).withDefectRates(rates), directory);

        Map<Defect, Predicate<RegistrationEvent>> applicable = new EnumMap<>(Defect.class);
        Predicate<RegistrationEvent> insured = registration -> !registration.insurances().isEmpty();
        applicable.put(Defect.BAD_DEMOGRAPHICS, registration -> true);
        applicable.put(Defect.MISSING_CONSENT, registration -> true);
        applicable.put(Defect.NO_ELIGIBILITY_CHECK, insured);
        applicable.put(Defect.WRONG_MEMBER_ID, insured);
        applicable.put(Defect.MISSING_MSPQ, registration -> registration.insurances().stream()
                .map(Insurance::planType).anyMatch(Registrations::isMedicare));

        List<RegistrationEvent> registrations = run.registrations();
        for (Map.Entry<Defect, Predicate<RegistrationEvent>> entry : applicable.entrySet()) {
            Defect defect = entry.getKey();
            List<RegistrationEvent> eligible = registrations.stream().filter(entry.getValue()).toList();
            long injected = eligible.stream()
                    .filter(registration -> run.defects.containsKey(registration.encounterId()))
                    .filter(registration -> run.defects.get(registration.encounterId()).defect() == defect)
                    .count();
            double rate = rates.rate(defect);
            double observed = (double) injected / eligible.size();
            double samplingError = 4 * Math.sqrt(rate * (1 - rate) / eligible.size());
            assertThat(observed).as("%s: %d of %d", defect, injected, eligible.size())
                    .isBetween(rate * 0.75 - samplingError, rate * 1.2 + samplingError);
        }
        // WRONG_PLAN is drawn among Advantage and managed-Medicaid members, who show up on a fee-for-service plan when it is injected
        long plans = registrations.stream().filter(registration -> registration.insurances().stream().map(Insurance::planType)
                .anyMatch(type -> type == PlanType.MEDICARE_ADVANTAGE || type == PlanType.MEDICAID_MANAGED)).count();
        long wrongPlan = run.truth.defects().stream().filter(defect -> defect.defect() == Defect.WRONG_PLAN).count();
        assertThat((double) wrongPlan / (plans + wrongPlan)).isBetween(0.04 * 0.6, 0.04 * 1.4);
    }

    @Test
    void registrarsDifferInHowOftenTheyErr()
    {
        RecordedRun run = RecordedRun.generate(GeneratorConfig.defaults(3).withDays(10).withFacilities(1)
                .withDailyEncountersPerFacility(400), directory);
        List<Double> errorRates = run.truth.kpis().registrars().stream()
                .filter(registrar -> registrar.encounters() >= 150)
                .map(registrar -> (double) registrar.defectiveEncounters() / registrar.encounters())
                .sorted()
                .toList();
        assertThat(errorRates).hasSizeGreaterThan(4);
        assertThat(errorRates.get(errorRates.size() - 1)).isGreaterThan(1.8 * errorRates.get(0));
    }
}
