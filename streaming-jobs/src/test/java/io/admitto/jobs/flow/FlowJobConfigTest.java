package io.admitto.jobs.flow;

import io.admitto.jobs.common.JobArguments;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FlowJobConfigTest {
    @Test
    void readsTheCommonOptionsAndTheWaitStateRetention() {
        JobArguments arguments = JobArguments.parse("--bootstrap", "127.0.0.1:9092", "--warehouse", "/wh",
                "--wait-state-retention", "6 h");

        FlowJobConfig config = FlowJobConfig.from(arguments);
        arguments.rejectUnread();

        assertThat(config.settings().groupId()).isEqualTo(DepartmentFlowJob.DEFAULT_GROUP_ID);
        assertThat(config.waitStateRetention()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void keepsWaitStateForADayByDefault() {
        FlowJobConfig config = FlowJobConfig.from(JobArguments.parse("--bootstrap", "b:9092", "--warehouse", "/wh"));

        assertThat(config.waitStateRetention()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void writesAMissingMedianAsNull() {
        assertThat(DepartmentFlowJob.TABLE.column("median_registration_wait_seconds").nullable()).isTrue();
        assertThat(DepartmentFlowJob.TABLE.columns()).extracting(c -> c.name())
                .containsExactly("facility_id", "department", "hour_start", "registrations", "median_registration_wait_seconds");
    }
}
