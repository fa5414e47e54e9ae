package io.admitto.api.kpi;

import io.admitto.api.problem.InvalidParameterException;
import io.admitto.api.sql.ReportFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ReportFilterParametersTest
{
    @Test
    void absentParametersMeanTheWholeTable()
    {
        assertThat(ReportFilterParameters.parse(null, null, null, null)).isEqualTo(ReportFilter.all());
    }

    @Test
    void blankParametersFromAnEmptyFormFieldAreAbsent()
    {
        assertThat(ReportFilterParameters.parse("", "", "", "")).isEqualTo(ReportFilter.all());
    }

    @Test
    void parsesDatesAndCodes()
    {
        assertThat(ReportFilterParameters.parse("2026-01-05", "2026-01-06", "FAC-01", "ED"))
                .isEqualTo(new ReportFilter(
                        Optional.of(LocalDate.of(2026, 1, 5)),
                        Optional.of(LocalDate.of(2026, 1, 6)),
                        Optional.of("FAC-01"),
                        Optional.of("ED")));
    }

    @Test
    void aSingleDayRangeIsAllowed()
    {
        assertThat(ReportFilterParameters.parse("2026-01-05", "2026-01-05", null, null).from())
                .contains(LocalDate.of(2026, 1, 5));
    }

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource(delimiter = '|', value = {
            "from       | 2026-13-01",
            "from       | 2026-1-5",
            "from       | yesterday",
            "to         | 2026-02-30",
            "to         | 05/01/2026",
            "facility   | FAC 01",
            "facility   | FAC01';DROP TABLE x;--",
            "department | ÉD",
            "department | ED.",
            "department | ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456",
    })
    void rejectsMalformedParametersNamingThem(String parameter, String value)
    {
        assertThatThrownBy(() -> parseWith(parameter, value))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.getMessage()).startsWith(parameter + " must be");
                });
    }

    @Test
    void acceptsCodesUpToTheMaximumLength()
    {
        String longest = "A".repeat(ReportFilter.MAX_CODE_LENGTH);

        assertThat(ReportFilterParameters.parse(null, null, longest, null).facility()).contains(longest);
    }

    @Test
    void rejectsARangeThatEndsBeforeItStarts()
    {
        assertThatThrownBy(() -> ReportFilterParameters.parse("2026-01-06", "2026-01-05", null, null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("from"))
                .hasMessage("from (2026-01-06) must not be after to (2026-01-05).");
    }

    @Test
    void doesNotEchoLongInputInFull()
    {
        String hostile = "x".repeat(10_000);

        assertThatThrownBy(() -> ReportFilterParameters.parse(hostile, null, null, null))
                .message()
                .hasSizeLessThan(200);
    }

    private static ReportFilter parseWith(String parameter, String value)
    {
        return switch (parameter) {
            case "from" -> ReportFilterParameters.parse(value, null, null, null);
            case "to" -> ReportFilterParameters.parse(null, value, null, null);
            case "facility" -> ReportFilterParameters.parse(null, null, value, null);
            case "department" -> ReportFilterParameters.parse(null, null, null, value);
            default -> throw new IllegalArgumentException(parameter);
        };
    }
}
