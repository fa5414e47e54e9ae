package io.admitto.jobs.kpi;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventType;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.admitto.jobs.kpi.KpiEvents.acknowledgment;
import static io.admitto.jobs.kpi.KpiEvents.activeEligibility;
import static io.admitto.jobs.kpi.KpiEvents.assessment;
import static io.admitto.jobs.kpi.KpiEvents.certified;
import static io.admitto.jobs.kpi.KpiEvents.flow;
import static io.admitto.jobs.kpi.KpiEvents.payment;
import static io.admitto.jobs.kpi.KpiEvents.registration;
import static io.admitto.jobs.kpi.KpiEvents.remittance;
import static org.assertj.core.api.Assertions.assertThat;

class EncounterFactsSerializerTest {
    /** Everything a visit can tell the KPIs: pre-registration to a denied and a paid remittance. */
    private static EncounterFacts wholeVisit() {
        List<CanonicalEvent> events = List.of(
                registration(EventType.REGISTRATION_PRE_REGISTERED, "p1", "2026-02-25T11:00:00", "IMG", "AETNA"),
                activeEligibility("e1", "2026-02-25T10:58:00", "AETNA", true),
                certified("a1", "2026-02-26T15:00:00"),
                flow(EventType.FLOW_ARRIVED, "f1", "2026-03-02T08:45:00", "IMG"),
                flow(EventType.FLOW_REGISTRATION_COMPLETED, "f2", "2026-03-02T08:52:30", "IMG"),
                registration(EventType.REGISTRATION_REGISTERED, "r1", "2026-03-02T08:52:30", "IMG", "AETNA"),
                payment("pay1", "2026-03-02T08:54:00", "40.00"),
                flow(EventType.FLOW_SERVICE_STARTED, "f3", "2026-03-02T09:05:00", "IMG"),
                acknowledgment("ack1", "2026-03-05T12:00:00", "A2"),
                remittance("rem1", "2026-03-20T12:00:00", "1200.00", "CO-197", "CO-45"),
                remittance("rem2", "2026-04-10T12:00:00", "1200.00", "CO-45"));
        EncounterFacts facts = EncounterFacts.empty("F01");
        for (CanonicalEvent event : events) {
            facts = facts.with(event);
        }
        return facts.with(assessment(3, "2026-03-02T09:05:00", "IMG", "R001", 2, false));
    }

    @Test
    void factsReadBackEqualToWhatWasWritten() throws Exception {
        EncounterFacts facts = wholeVisit();
        for (EncounterFacts written : List.of(facts, EncounterFacts.empty("F01"))) {
            DataOutputSerializer out = new DataOutputSerializer(256);
            EncounterFactsSerializer.INSTANCE.serialize(written, out);
            EncounterFacts read = EncounterFactsSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(read).isEqualTo(written);
        }
    }

    /** The state an open encounter adds to the KPI job (the goal for a whole open registration is 1 KB). */
    @Test
    void aWholeVisitTakesFewerThanFourHundredBytes() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        EncounterFactsSerializer.INSTANCE.serialize(wholeVisit(), out);

        System.out.println("kpi state of a whole visit: " + out.length() + " bytes");
        assertThat(out.length()).isLessThan(400);
    }
}
