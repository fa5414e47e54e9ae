package io.admitto.jobs.denials;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.ClaimAcknowledgment;
import io.admitto.events.ClaimAdjustment;
import io.admitto.events.ClaimRemittance;
import io.admitto.events.ClaimStatusCode;
import io.admitto.events.ServiceLinePayment;
import io.admitto.jobs.common.CanonicalEventTypeInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Joins each encounter's claim outcomes (835 remittances, 277CA acknowledgments) with its registration
 * context, whichever arrives first. A claim waits in state until event time reaches it — by then every
 * assessment up to that instant has been seen — and is then matched with the latest assessment made
 * before it: the findings QA had when the claim went out. Denials are read from the CAS adjustments
 * (claim and service line), never from CLP02; 277CA rejections go to {@link #REJECTIONS}.
 */
public final class ClaimOutcomeFunction extends KeyedCoProcessFunction<String, RegistrationContext, CanonicalEvent, DenialRow> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<ClaimRejectionRow> REJECTIONS =
            new OutputTag<>("claim-rejections", TypeInformation.of(ClaimRejectionRow.class));

    /** Every remitted claim and its denials per category, for the denial patterns. */
    public static final OutputTag<RemittanceTally> TALLIES =
            new OutputTag<>("remittance-tallies", TypeInformation.of(RemittanceTally.class));

    /** Department or payer of a claim whose registration (or payer) was never seen. */
    static final String UNKNOWN = "UNKNOWN";

    private final long horizonMillis;

    private transient ListState<RegistrationContext> contexts;
    private transient ListState<CanonicalEvent> pendingClaims;
    private transient ValueState<Long> newestAt;

    public ClaimOutcomeFunction(Duration horizon) {
        this.horizonMillis = horizon.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        contexts = getRuntimeContext().getListState(new ListStateDescriptor<>("registration-contexts", TypeInformation.of(RegistrationContext.class)));
        pendingClaims = getRuntimeContext().getListState(new ListStateDescriptor<>("pending-claims", CanonicalEventTypeInfo.INSTANCE));
        newestAt = getRuntimeContext().getState(new ValueStateDescriptor<>("newest-at", Types.LONG));
    }

    @Override
    public void processElement1(RegistrationContext context, Context ctx, Collector<DenialRow> out) throws Exception {
        contexts.add(context);
        touch(context.assessedAtMillis(), ctx);
    }

    @Override
    public void processElement2(CanonicalEvent claim, Context ctx, Collector<DenialRow> out) throws Exception {
        pendingClaims.add(claim);
        long at = claim.eventTime().toInstant().toEpochMilli();
        ctx.timerService().registerEventTimeTimer(at);
        touch(at, ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DenialRow> out) throws Exception {
        List<CanonicalEvent> waiting = new ArrayList<>();
        for (CanonicalEvent claim : pendingClaims.get()) {
            long at = claim.eventTime().toInstant().toEpochMilli();
            if (at <= timestamp) {
                RegistrationContext before = latestBefore(at);
                if (claim instanceof ClaimRemittance remittance) {
                    denials(remittance, before, out);
                    tallies(remittance, before, ctx);
                }
                else if (claim instanceof ClaimAcknowledgment acknowledgment) {
                    rejections(acknowledgment, before, ctx);
                }
            }
            else {
                waiting.add(claim);
            }
        }
        pendingClaims.update(waiting);
        Long newest = newestAt.value();
        if (newest != null && timestamp == newest + horizonMillis) {
            contexts.clear();
            pendingClaims.clear();
            newestAt.clear();
        }
    }

    private void touch(long at, Context ctx) throws Exception {
        Long newest = newestAt.value();
        if (newest == null || at > newest) {
            newestAt.update(at);
            ctx.timerService().registerEventTimeTimer(at + horizonMillis);
        }
    }

    private RegistrationContext latestBefore(long claimAt) throws Exception {
        RegistrationContext latest = null;
        for (RegistrationContext context : contexts.get()) {
            if (context.assessedAtMillis() <= claimAt && (latest == null || context.version() > latest.version())) {
                latest = context;
            }
        }
        return latest;
    }

    private static void denials(ClaimRemittance remittance, RegistrationContext registration, Collector<DenialRow> out) {
        List<ClaimAdjustment> adjustments = new ArrayList<>(remittance.adjustments());
        for (ServiceLinePayment line : remittance.serviceLines()) {
            adjustments.addAll(line.adjustments());
        }
        for (ClaimAdjustment adjustment : adjustments) {
            DenialCategory category = DenialCategory.of(adjustment.groupCode(), adjustment.reasonCode());
            if (!category.denial()) {
                continue;
            }
            String predictedBy = registration == null ? "" : registration.rulesPredicting(adjustment.reasonCode());
            out.collect(new DenialRow(remittance.encounterId(), remittance.claimId(), remittance.payerId(), remittance.facilityId(),
                    registration == null ? null : registration.department(), registration == null ? null : registration.registrarId(),
                    remittance.eventTime().toInstant(), remittance.claimStatus(), adjustment.groupCode(), adjustment.reasonCode(),
                    String.join(",", remittance.remarkCodes()), cents(adjustment.amount()), cents(remittance.billedAmount()),
                    category.name(), category.frontEnd(), registration == null ? "" : registration.ruleIds(), predictedBy,
                    !predictedBy.isEmpty()));
        }
    }

    /** The remittance's share of the denial patterns: the claim, and its denials per category. */
    private static void tallies(ClaimRemittance remittance, RegistrationContext registration, Context ctx) {
        String payer = remittance.payerId() == null ? UNKNOWN : remittance.payerId();
        String department = registration == null || registration.department() == null ? UNKNOWN : registration.department();
        long at = remittance.eventTime().toInstant().toEpochMilli();
        ctx.output(TALLIES, RemittanceTally.claim(remittance.facilityId(), payer, department, at, remittance.claimId()));
        Map<DenialCategory, long[]> byCategory = new EnumMap<>(DenialCategory.class);
        List<ClaimAdjustment> adjustments = new ArrayList<>(remittance.adjustments());
        for (ServiceLinePayment line : remittance.serviceLines()) {
            adjustments.addAll(line.adjustments());
        }
        for (ClaimAdjustment adjustment : adjustments) {
            DenialCategory category = DenialCategory.of(adjustment.groupCode(), adjustment.reasonCode());
            if (category.denial()) {
                long[] counts = byCategory.computeIfAbsent(category, ignored -> new long[2]);
                counts[0]++;
                counts[1] += cents(adjustment.amount());
            }
        }
        byCategory.forEach((category, counts) -> ctx.output(TALLIES, new RemittanceTally(remittance.facilityId(), payer, department, at,
                remittance.claimId(), category.name(), category.frontEnd(), counts[0], counts[1])));
    }

    private static void rejections(ClaimAcknowledgment acknowledgment, RegistrationContext registration, Context ctx) {
        for (ClaimStatusCode status : acknowledgment.statuses()) {
            if (status.isRejection()) {
                ctx.output(REJECTIONS, new ClaimRejectionRow(acknowledgment.encounterId(), acknowledgment.claimId(), acknowledgment.payerId(),
                        acknowledgment.facilityId(), registration == null ? null : registration.department(),
                        registration == null ? null : registration.registrarId(), acknowledgment.eventTime().toInstant(),
                        status.categoryCode(), status.statusCode(), status.entityCode()));
            }
        }
    }

    private static long cents(java.math.BigDecimal amount) {
        return amount == null ? 0 : amount.movePointRight(2).longValueExact();
    }
}
