package io.admitto.jobs.denials;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimRemittance;
import io.admitto.jobs.common.CanonicalEventTypeInfo;
import io.admitto.jobs.common.ConsumedEvents;
import io.admitto.jobs.parquet.ParquetTableSink;
import io.admitto.tables.Tables;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Denials and rejections: 835 remittances and 277CA acknowledgments joined with the registration
 * context and its QA findings, into {@code denials} and {@code claim_rejections}.
 */
public final class DenialsJob {
    static final String OUTCOME_UID = "claim-outcome";
    static final String PATTERNS_UID = "denial-patterns";
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(120);

    private final String warehouse;

    public DenialsJob(String warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    public void addTo(ConsumedEvents consumed, DataStream<RegistrationContext> registrations) {
        DataStream<CanonicalEvent> claims = consumed.events()
                .filter(event -> event instanceof ClaimRemittance || event instanceof ClaimAcknowledgment)
                .returns(CanonicalEventTypeInfo.INSTANCE)
                .name("Claim outcomes");
        SingleOutputStreamOperator<DenialRow> denials = registrations
                .keyBy(RegistrationContext::encounterId, Types.STRING)
                .connect(claims.keyBy(CanonicalEvent::encounterId, Types.STRING))
                .process(new ClaimOutcomeFunction(DEFAULT_HORIZON), TypeInformation.of(DenialRow.class))
                .name("Claims with their registration")
                .uid(OUTCOME_UID);

        new ParquetTableSink(Tables.DENIALS, warehouse, "remitted_at").write(denials, DenialRow::columnValues);
        new ParquetTableSink(Tables.CLAIM_REJECTIONS, warehouse, "acknowledged_at")
                .write(denials.getSideOutput(ClaimOutcomeFunction.REJECTIONS), ClaimRejectionRow::columnValues);
        DataStream<DenialPatternRow> patterns = denials.getSideOutput(ClaimOutcomeFunction.TALLIES)
                .keyBy(RemittanceTally::seriesKey, Types.STRING)
                .process(new DenialPatternFunction(DenialPatternParameters.DEFAULTS), TypeInformation.of(DenialPatternRow.class))
                .name("Denial patterns")
                .uid(PATTERNS_UID);
        new ParquetTableSink(Tables.DENIAL_PATTERNS, warehouse, "window_start").write(patterns, DenialPatternRow::columnValues);
    }
}
