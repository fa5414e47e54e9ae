package io.admitto.api.kpi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a KPI's value over several days (and departments) is formed from the daily figures. */
final class KpiValueTest
{
    private static final LocalDate DAY = LocalDate.parse("2026-03-05");

    @Test
    void aRatioOverDaysIsTheSumOfNumeratorsOverTheSumOfDenominatorsNotTheMeanOfRatios()
    {
        List<KpiDay> days = List.of(
                new KpiDay("insurance_verification_rate", "ratio", DAY, new BigDecimal("9"), new BigDecimal("10"), 0.9),
                new KpiDay("insurance_verification_rate", "ratio", DAY.plusDays(1), new BigDecimal("1"), new BigDecimal("5"), 0.2));

        assertThat(KpiResource.value(days)).isCloseTo(10.0 / 15.0, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void aRatioWithoutAnyDenominatorHasNoValue()
    {
        assertThat(KpiResource.value(List.of(new KpiDay("pre_registration_rate", "ratio", DAY, BigDecimal.ZERO, BigDecimal.ZERO, null)))).isNull();
        assertThat(KpiResource.value(List.of())).isNull();
    }

    @Test
    void aPercentileIsTheMeanOfTheDailyValues()
    {
        List<KpiDay> days = List.of(
                new KpiDay("arrival_to_registration_p50", "seconds", DAY, null, null, 100.0),
                new KpiDay("arrival_to_registration_p50", "seconds", DAY.plusDays(1), null, null, 200.0));

        assertThat(KpiResource.value(days)).isEqualTo(150.0);
    }
}
