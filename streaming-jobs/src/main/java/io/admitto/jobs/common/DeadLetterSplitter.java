package io.admitto.jobs.common;

import io.admitto.events.CanonicalEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes events on and sends dead letters to {@link #DEAD_LETTERS}, counting and logging each one. */
final class DeadLetterSplitter extends ProcessFunction<Either<DeadLetter, CanonicalEvent>, CanonicalEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(DeadLetterSplitter.class);

    static final String METRIC = "deadLetters";
    static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private transient Counter deadLetters;

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter(METRIC);
    }

    @Override
    public void processElement(Either<DeadLetter, CanonicalEvent> record, Context context, Collector<CanonicalEvent> out) {
        if (record.isRight()) {
            out.collect(record.right());
            return;
        }
        DeadLetter deadLetter = record.left();
        deadLetters.inc();
        log.warn("Skipping a record that is not a canonical event: {}", deadLetter.describe());
        context.output(DEAD_LETTERS, deadLetter);
    }
}
