package io.admitto.jobs.quality;

import io.admitto.events.EventJson;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.HospitalGenerator;
import io.admitto.qarules.snapshot.EncounterSnapshots;
import io.admitto.qarules.snapshot.RegistrationSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registration snapshot as keyed state: what it costs per open registration, and that it reads back whole. */
class RegistrationSnapshotSerializerTest {
    private static List<RegistrationSnapshot> snapshots;

    @BeforeAll
    static void generateADay() {
        EncounterSnapshots encounters = new EncounterSnapshots();
        new HospitalGenerator(GeneratorConfig.defaults(7).withDays(1).withFacilities(2)).generate(encounters::accept);
        snapshots = encounters.registered();
    }

    private static byte[] serialize(RegistrationSnapshot snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        RegistrationSnapshotSerializer.INSTANCE.serialize(snapshot, out);
        return out.getCopyOfBuffer();
    }

    private static RegistrationSnapshot deserialize(byte[] bytes) throws IOException {
        return RegistrationSnapshotSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes));
    }

    @Test
    void everySnapshotReadsBackEqual() throws IOException {
        assertThat(snapshots).hasSizeGreaterThan(200);
        for (RegistrationSnapshot snapshot : snapshots) {
            assertThat(deserialize(serialize(snapshot))).isEqualTo(snapshot);
        }
    }

    @Test
    void anOpenRegistrationTakesUnderOneKilobyteOfStateOnAverage() throws IOException {
        long[] sizes = new long[snapshots.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = serialize(snapshots.get(i)).length;
        }
        Arrays.sort(sizes);
        double mean = Arrays.stream(sizes).average().orElseThrow();
        System.out.printf("registration snapshot state: mean %.0f B, p95 %d B, max %d B over %d registrations%n",
                mean, sizes[(int) (sizes.length * 0.95)], sizes[sizes.length - 1], sizes.length);
        assertThat(mean).isLessThanOrEqualTo(1024);
    }

    @Test
    void stateWrittenAsPlainJsonByEarlierVersionsStillReads() throws IOException {
        RegistrationSnapshot snapshot = snapshots.get(0);
        byte[] json = EventJson.newMapper().writeValueAsBytes(snapshot);
        DataOutputSerializer out = new DataOutputSerializer(json.length + 4);
        out.writeInt(json.length);
        out.write(json);
        assertThat(deserialize(out.getCopyOfBuffer())).isEqualTo(snapshot);
    }

    @Test
    void aTruncatedSnapshotIsAnErrorNotAnEmptyRegistration() throws IOException {
        byte[] bytes = serialize(snapshots.get(0));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 40);
        DataOutputSerializer out = new DataOutputSerializer(truncated.length);
        out.writeInt(truncated.length - 4);
        out.write(truncated, 4, truncated.length - 4);
        assertThatThrownBy(() -> deserialize(out.getCopyOfBuffer())).isInstanceOf(IOException.class);
    }
}
