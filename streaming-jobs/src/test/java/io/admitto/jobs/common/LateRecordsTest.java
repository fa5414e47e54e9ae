package io.admitto.jobs.common;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LateRecordsTest {
    @Test
    void passesLateRecordsOnWithTheirEventTime() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, String> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new LateRecords<String>(record -> "record " + record))) {
            harness.processWatermark(2_000);
            harness.processElement("a", 1_000);
            harness.processElement("b", 1_500);

            assertThat(harness.extractOutputStreamRecords()).containsExactly(new StreamRecord<>("a", 1_000), new StreamRecord<>("b", 1_500));
        }
    }
}
