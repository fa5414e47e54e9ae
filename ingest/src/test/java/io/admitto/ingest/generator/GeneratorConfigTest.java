package io.admitto.ingest.generator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorConfigTest
{
    @Test
    void defaultsDescribeTwoSmallHospitalsFromMarchSecond()
    {
        GeneratorConfig config = GeneratorConfig.defaults(1);
        assertThat(config.startDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(config.facilities()).isEqualTo(2);
        assertThat(config.dailyEncountersPerFacility()).isEqualTo(250);
        assertThat(config.maxDeliveryJitter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.endDate()).isEqualTo(config.startDate().plusDays(config.days()));
    }

    @Test
    void defaultDefectRatesAreAFewPercentEach()
    {
        for (Defect defect : Defect.values()) {
            assertThat(DefectRates.defaults().rate(defect)).as(defect.name()).isBetween(0.02, 0.06);
            assertThat(defect.description()).isNotBlank();
        }
    }

    @Test
    void invalidValuesAreRejectedNamingTheField()
    {
        GeneratorConfig config = GeneratorConfig.defaults(1);
        assertThatThrownBy(() -> config.withDays(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("days");
        assertThatThrownBy(() -> config.withFacilities(0)).hasMessageContaining("facilities");
        assertThatThrownBy(() -> config.withFacilities(HealthSystem.MAX_FACILITIES + 1)).hasMessageContaining("facilities");
        assertThatThrownBy(() -> config.withDailyEncountersPerFacility(0)).hasMessageContaining("dailyEncountersPerFacility");
        assertThatThrownBy(() -> config.withMaxDeliveryJitter(Duration.ofSeconds(-1))).hasMessageContaining("maxDeliveryJitter");
        assertThatThrownBy(() -> config.withStartDate(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("startDate");
    }

    @Test
    void defectRatesMustBeProbabilitiesThatFitInOneDraw()
    {
        assertThatThrownBy(() -> DefectRates.only(Defect.WRONG_PLAN, 1.5)).hasMessageContaining("WRONG_PLAN");
        assertThatThrownBy(() -> DefectRates.only(Defect.WRONG_PLAN, -0.1)).hasMessageContaining("WRONG_PLAN");
        assertThatThrownBy(() -> new DefectRates(Map.of(Defect.WRONG_PLAN, 0.6, Defect.MISSING_GFE, 0.6))).hasMessageContaining("add up");
        assertThat(DefectRates.none().rates()).allSatisfy((defect, rate) -> assertThat(rate).isZero());
        assertThat(DefectRates.defaults().with(Defect.EMTALA_VIOLATION, 0.1).rate(Defect.EMTALA_VIOLATION)).isEqualTo(0.1);
    }
}
