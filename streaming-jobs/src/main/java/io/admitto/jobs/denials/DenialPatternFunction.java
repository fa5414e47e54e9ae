package io.admitto.jobs.denials;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Counts one series key's (facility, payer, department) remitted claims and denials per category in
 * hourly and daily event-time windows and, when event time passes a window, writes a row for each
 * category with denials in it, scored against that category's moving baseline (see {@link Ewma}) —
 * then folds the window into the baseline. Windows in which the key had no claims at all are folded
 * in as zeros when the next window closes, so a quiet week is part of the baseline too.
 *
 * <p>State per key: the open windows' tallies (a few) and one baseline per window size and category
 * (bounded by the denial categories).
 */
public final class DenialPatternFunction extends KeyedProcessFunction<String, RemittanceTally, DenialPatternRow> {
    private static final long serialVersionUID = 1L;

    private static final int DENIALS = 0;
    private static final int DENIED_CLAIMS = 1;
    private static final int CENTS = 2;
    private static final int CLAIMS = 0;

    private final DenialPatternParameters parameters;

    private transient ValueState<RemittanceTally> series;
    private transient MapState<String, long[]> tallies;
    private transient MapState<String, SeriesBaseline> baselines;

    public DenialPatternFunction(DenialPatternParameters parameters) {
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    @Override
    public void open(OpenContext openContext) {
        series = getRuntimeContext().getState(new ValueStateDescriptor<>("series", TypeInformation.of(RemittanceTally.class)));
        tallies = getRuntimeContext().getMapState(new MapStateDescriptor<>("window-tallies", Types.STRING,
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        baselines = getRuntimeContext().getMapState(new MapStateDescriptor<>("baselines", Types.STRING,
                TypeInformation.of(SeriesBaseline.class)));
    }

    @Override
    public void processElement(RemittanceTally tally, Context ctx, Collector<DenialPatternRow> out) throws Exception {
        if (series.value() == null) {
            series.update(tally);
        }
        for (PatternWindow window : PatternWindow.values()) {
            long start = window.startOf(tally.remittedAtMillis());
            String key = tallyKey(window, start, tally.category());
            long[] counts = tallies.get(key);
            if (tally.isClaim()) {
                counts = counts == null ? new long[1] : counts;
                counts[CLAIMS]++;
            }
            else {
                counts = counts == null ? new long[3] : counts;
                counts[DENIALS] += tally.denials();
                counts[DENIED_CLAIMS]++;
                counts[CENTS] += tally.amountCents();
            }
            tallies.put(key, counts);
            ctx.timerService().registerEventTimeTimer(start + window.millis());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DenialPatternRow> out) throws Exception {
        RemittanceTally identity = series.value();
        for (PatternWindow window : PatternWindow.values()) {
            long start = timestamp - window.millis();
            if (window.startOf(start) == start) {
                close(window, start, identity, out);
            }
        }
    }

    private void close(PatternWindow window, long start, RemittanceTally identity, Collector<DenialPatternRow> out) throws Exception {
        String prefix = window.ordinal() + "|" + start + "|";
        long claims = 0;
        Map<String, long[]> denialsByCategory = new TreeMap<>();
        List<String> closed = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : tallies.entries()) {
            if (entry.getKey().startsWith(prefix)) {
                String category = entry.getKey().substring(prefix.length());
                if (category.isEmpty()) {
                    claims = entry.getValue()[CLAIMS];
                }
                else {
                    denialsByCategory.put(category, entry.getValue());
                }
                closed.add(entry.getKey());
            }
        }
        if (closed.isEmpty()) {
            return;
        }
        for (String key : closed) {
            tallies.remove(key);
        }

        // Every category this series has ever had moves on by one window, with 0 where it had none now.
        TreeSet<String> categories = new TreeSet<>(denialsByCategory.keySet());
        String baselinePrefix = window.ordinal() + "|";
        for (String key : baselines.keys()) {
            if (key.startsWith(baselinePrefix)) {
                categories.add(key.substring(baselinePrefix.length()));
            }
        }
        for (String category : categories) {
            String baselineKey = baselinePrefix + category;
            Ewma baseline = baselineAt(baselines.get(baselineKey), window, start);
            long[] counts = denialsByCategory.get(category);
            long denials = counts == null ? 0 : counts[DENIALS];
            if (denials > 0) {
                out.collect(row(window, start, identity, category, counts, claims, baseline));
            }
            baselines.put(baselineKey, SeriesBaseline.of(baseline.next(denials, parameters.lambda()), start));
        }
    }

    /** The baseline just before the window at {@code start}: decayed through the empty windows since its last one. */
    private Ewma baselineAt(SeriesBaseline stored, PatternWindow window, long start) {
        if (stored == null) {
            return Ewma.EMPTY;
        }
        long emptyWindows = (start - stored.lastWindowStart()) / window.millis() - 1;
        if (emptyWindows > parameters.maximumGap()) {
            return Ewma.EMPTY;
        }
        return stored.ewma().skip(emptyWindows, parameters.lambda());
    }

    private DenialPatternRow row(PatternWindow window, long start, RemittanceTally identity, String category, long[] counts, long claims,
            Ewma baseline) {
        boolean warm = baseline.windows() >= parameters.warmUp(window) && baseline.windows() > 0;
        Double zScore = warm ? baseline.zScore(counts[DENIALS]) : null;
        boolean spike = zScore != null && zScore >= parameters.zThreshold() && counts[DENIALS] >= parameters.minimumDenials();
        return new DenialPatternRow(window.name(), Instant.ofEpochMilli(start), identity.facilityId(), identity.payerId(), identity.department(),
                category, DenialCategory.valueOf(category).frontEnd(), counts[DENIALS], counts[DENIED_CLAIMS], counts[CENTS], claims,
                claims == 0 ? 0 : (double) counts[DENIED_CLAIMS] / claims, baseline.windows(),
                baseline.windows() == 0 ? null : baseline.mean(), baseline.windows() == 0 ? null : baseline.stddev(), zScore, spike);
    }

    private static String tallyKey(PatternWindow window, long start, String category) {
        return window.ordinal() + "|" + start + "|" + category;
    }
}
