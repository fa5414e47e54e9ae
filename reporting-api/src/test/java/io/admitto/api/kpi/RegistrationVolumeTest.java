package io.admitto.api.kpi;

import io.admitto.api.sql.ReportFilter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.admitto.api.testing.RegistrationFixtures.COMMITTED;
import static io.admitto.api.testing.RegistrationFixtures.hour;
import static org.assertj.core.api.Assertions.assertThat;

final class RegistrationVolumeTest
{
    @Test
    void totalsHourlyRowsPerFacilityDepartmentAndOverall()
    {
        RegistrationVolume volume = RegistrationVolume.of(ReportFilter.all(), COMMITTED);

        assertThat(volume.kpi()).isEqualTo("registration_volume");
        assertThat(volume.totalRegistrations()).isEqualTo(42);
        assertThat(volume.byDepartment()).containsExactly(
                new DepartmentRegistrations("FAC01", "ED", 12 + 7 + 4 + 9),
                new DepartmentRegistrations("FAC01", "IMG", 3),
                new DepartmentRegistrations("FAC02", "ED", 5),
                new DepartmentRegistrations("FAC02", "SURG", 2));
        assertThat(volume.hourly()).isEqualTo(COMMITTED);
    }

    @Test
    void ordersHourlyRowsWhateverOrderTheyArriveIn()
    {
        List<io.admitto.api.sql.DepartmentHour> shuffled = new ArrayList<>(COMMITTED);
        Collections.reverse(shuffled);

        assertThat(RegistrationVolume.of(ReportFilter.all(), shuffled).hourly()).isEqualTo(COMMITTED);
    }

    @Test
    void echoesTheFilterAndLeavesUnsetBoundsNull()
    {
        ReportFilter filter = ReportFilter.all().withDates(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-06")).withDepartment("ED");

        RegistrationVolume volume = RegistrationVolume.of(filter, List.of());

        assertThat(volume.from()).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(volume.to()).isEqualTo(LocalDate.parse("2026-01-06"));
        assertThat(volume.facility()).isNull();
        assertThat(volume.department()).isEqualTo("ED");
    }

    @Test
    void noRowsMeansZeroAndEmptyLists()
    {
        RegistrationVolume volume = RegistrationVolume.of(ReportFilter.all(), List.of());

        assertThat(volume.totalRegistrations()).isZero();
        assertThat(volume.byDepartment()).isEmpty();
        assertThat(volume.hourly()).isEmpty();
    }

    @Test
    void sumsWithoutLosingPrecisionOnLargeCounts()
    {
        long large = 3_000_000_000L;

        RegistrationVolume volume = RegistrationVolume.of(ReportFilter.all(), List.of(
                hour("FAC01", "ED", "2026-01-05T00:00:00Z", large, 1.0),
                hour("FAC01", "ED", "2026-01-05T01:00:00Z", large, 1.0)));

        assertThat(volume.totalRegistrations()).isEqualTo(6_000_000_000L);
        assertThat(volume.byDepartment()).singleElement().extracting(DepartmentRegistrations::registrations).isEqualTo(6_000_000_000L);
    }
}
