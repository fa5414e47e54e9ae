package io.admitto.qarules.scoring;

import io.admitto.qarules.Assessment;
import io.admitto.qarules.scoring.QualityRates.Dimension;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QualityRatesTest
{
    @Test
    void hfmaExampleTwentyPercentErrorsNinetyPercentAccuracy()
    {
        // ten registrations, one of them with two errors: error rate 2/10, accuracy 9/10
        List<Assessment> assessments = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            assessments.add(assessment("R1", "IMG", "MCR", LocalDate.of(2026, 3, 2), 0));
        }
        assessments.add(assessment("R1", "IMG", "MCR", LocalDate.of(2026, 3, 3), 2));
        QualityRates rates = QualityRates.overall(assessments);
        assertThat(rates.errorRate()).isEqualTo(0.2);
        assertThat(rates.accuracyRate()).isEqualTo(0.9);
        assertThat(rates.meetsTarget(ScoringPolicy.defaults())).isFalse();
    }

    @Test
    void groupsByRegistrarAndMonth()
    {
        List<Assessment> assessments = List.of(
                assessment("R1", "IMG", "MCR", LocalDate.of(2026, 3, 2), 1),
                assessment("R1", "ED", "SELF", LocalDate.of(2026, 3, 31), 0),
                assessment("R1", "ED", "SELF", LocalDate.of(2026, 4, 1), 0),
                assessment("R2", "ED", "BPR01", LocalDate.of(2026, 3, 9), 3));
        Map<List<String>, QualityRates> rates = QualityRates.aggregate(assessments, Dimension.REGISTRAR, Dimension.MONTH);
        assertThat(rates).containsOnlyKeys(List.of("R1", "2026-03-01"), List.of("R1", "2026-04-01"), List.of("R2", "2026-03-01"));
        assertThat(rates.get(List.of("R1", "2026-03-01"))).isEqualTo(new QualityRates(List.of("R1", "2026-03-01"), 2, 1, 1));
        assertThat(rates.get(List.of("R2", "2026-03-01")).errorRate()).isEqualTo(3.0);
    }

    @Test
    void weeksStartOnMondayAndPayersAndDepartmentsGroup()
    {
        List<Assessment> assessments = List.of(
                assessment("R1", "IMG", "MCR", LocalDate.of(2026, 3, 8), 0),   // Sunday
                assessment("R1", "IMG", "MCR", LocalDate.of(2026, 3, 9), 0),   // Monday
                assessment("R1", "ED", "MCR", null, 1));
        assertThat(QualityRates.aggregate(assessments, Dimension.WEEK)).containsOnlyKeys(List.of("2026-03-02"), List.of("2026-03-09"), List.of("unscheduled"));
        assertThat(QualityRates.aggregate(assessments, Dimension.PAYER, Dimension.DEPARTMENT).get(List.of("MCR", "ED")).accuracyRate()).isZero();
    }

    @Test
    void noRegistrationsGiveZeroRatesNotNaN()
    {
        QualityRates rates = QualityRates.overall(List.of());
        assertThat(rates.errorRate()).isZero();
        assertThat(rates.accuracyRate()).isZero();
    }

    private static Assessment assessment(String registrar, String department, String payer, LocalDate day, int errors)
    {
        return new Assessment("E-" + registrar + day + errors, "F01", registrar, department, payer, day, Instant.EPOCH,
                100 - 15 * errors, Grade.A, errors == 0, 0, errors, 0, List.of());
    }
}
