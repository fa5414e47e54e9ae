package io.admitto.jobs.kpi;

import io.admitto.jobs.kpi.EncounterFacts.Acknowledgment;
import io.admitto.jobs.kpi.EncounterFacts.ActiveCoverage;
import io.admitto.jobs.kpi.EncounterFacts.Coverage;
import io.admitto.jobs.kpi.EncounterFacts.Flow;
import io.admitto.jobs.kpi.EncounterFacts.Milestones;
import io.admitto.jobs.kpi.EncounterFacts.Payment;
import io.admitto.jobs.kpi.EncounterFacts.Quality;
import io.admitto.jobs.kpi.EncounterFacts.Registration;
import io.admitto.jobs.kpi.EncounterFacts.Remittance;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@link EncounterFacts} in state as compact binary: fixed fields, a presence byte before each
 * optional one, and counted lists. The facts are immutable, so copies are the object itself. The
 * format is versioned by {@link #FORMAT}; a change of it needs a new version and a reader of the old.
 */
public final class EncounterFactsSerializer extends TypeSerializerSingleton<EncounterFacts> {
    private static final long serialVersionUID = 1L;

    public static final EncounterFactsSerializer INSTANCE = new EncounterFactsSerializer();

    private static final byte FORMAT = 1;

    private EncounterFactsSerializer() {}

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public EncounterFacts createInstance() {
        return null;
    }

    @Override
    public EncounterFacts copy(EncounterFacts from) {
        return from;
    }

    @Override
    public EncounterFacts copy(EncounterFacts from, EncounterFacts reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(EncounterFacts facts, DataOutputView out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(facts.facilityId());
        out.writeLong(facts.newestAt());
        Registration registration = facts.registration();
        out.writeBoolean(registration != null);
        if (registration != null) {
            out.writeLong(registration.at());
            out.writeByte(registration.typeOrdinal());
            out.writeLong(registration.idHigh());
            out.writeLong(registration.idLow());
            writeString(out, registration.department());
            writeString(out, registration.patientClass());
            writeString(out, registration.primaryPayerId());
            writeInt(out, registration.serviceDay());
            writeInt(out, registration.bookedDay());
            out.writeBoolean(registration.cancelled());
        }
        Milestones milestones = facts.milestones();
        writeLong(out, milestones.preRegisteredAt());
        writeInt(out, milestones.preRegisteredDay());
        writeLong(out, milestones.registeredAt());
        writeInt(out, milestones.registeredDay());
        out.writeBoolean(milestones.insuredAtRegistration());
        Coverage coverage = facts.coverage();
        out.writeShort(coverage.active().size());
        for (ActiveCoverage active : coverage.active()) {
            out.writeUTF(active.payerId());
            out.writeLong(active.at());
        }
        out.writeBoolean(coverage.authorizationRequired());
        writeLong(out, coverage.authorizedAt());
        Flow flow = facts.flow();
        writeLong(out, flow.arrivedAt());
        writeString(out, flow.arrivalDepartment());
        writeLong(out, flow.registrationCompletedAt());
        writeInt(out, flow.registrationCompletedDay());
        writeLong(out, flow.serviceStartedAt());
        out.writeBoolean(flow.waitMeasured());
        out.writeShort(facts.payments().size());
        for (Payment payment : facts.payments()) {
            out.writeLong(payment.idHigh());
            out.writeLong(payment.idLow());
            out.writeLong(payment.at());
            out.writeLong(payment.cents());
        }
        out.writeShort(facts.remittances().size());
        for (Remittance remittance : facts.remittances()) {
            out.writeLong(remittance.idHigh());
            out.writeLong(remittance.idLow());
            out.writeUTF(remittance.claimId());
            out.writeLong(remittance.at());
            out.writeInt(remittance.day());
            out.writeLong(remittance.billedCents());
            out.writeShort(remittance.denials());
            out.writeShort(remittance.frontEndDenials());
        }
        out.writeShort(facts.acknowledgments().size());
        for (Acknowledgment acknowledgment : facts.acknowledgments()) {
            out.writeLong(acknowledgment.idHigh());
            out.writeLong(acknowledgment.idLow());
            out.writeInt(acknowledgment.day());
            out.writeBoolean(acknowledgment.rejected());
        }
        Quality quality = facts.quality();
        out.writeBoolean(quality != null);
        if (quality != null) {
            out.writeInt(quality.version());
            writeInt(out, quality.serviceDay());
            writeString(out, quality.department());
            writeString(out, quality.registrarId());
            out.writeShort(quality.errors());
            out.writeBoolean(quality.clean());
        }
    }

    @Override
    public EncounterFacts deserialize(DataInputView in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("Unknown encounter facts format " + format);
        }
        String facilityId = in.readUTF();
        long newestAt = in.readLong();
        Registration registration = null;
        if (in.readBoolean()) {
            registration = new Registration(in.readLong(), in.readByte(), in.readLong(), in.readLong(), readString(in), readString(in),
                    readString(in), readInt(in), readInt(in), in.readBoolean());
        }
        Milestones milestones = new Milestones(readLong(in), readInt(in), readLong(in), readInt(in), in.readBoolean());
        int activeCount = in.readShort();
        List<ActiveCoverage> active = new ArrayList<>(activeCount);
        for (int i = 0; i < activeCount; i++) {
            active.add(new ActiveCoverage(in.readUTF(), in.readLong()));
        }
        Coverage coverage = new Coverage(active, in.readBoolean(), readLong(in));
        Flow flow = new Flow(readLong(in), readString(in), readLong(in), readInt(in), readLong(in), in.readBoolean());
        int paymentCount = in.readShort();
        List<Payment> payments = new ArrayList<>(paymentCount);
        for (int i = 0; i < paymentCount; i++) {
            payments.add(new Payment(in.readLong(), in.readLong(), in.readLong(), in.readLong()));
        }
        int remittanceCount = in.readShort();
        List<Remittance> remittances = new ArrayList<>(remittanceCount);
        for (int i = 0; i < remittanceCount; i++) {
            remittances.add(new Remittance(in.readLong(), in.readLong(), in.readUTF(), in.readLong(), in.readInt(), in.readLong(),
                    in.readShort(), in.readShort()));
        }
        int acknowledgmentCount = in.readShort();
        List<Acknowledgment> acknowledgments = new ArrayList<>(acknowledgmentCount);
        for (int i = 0; i < acknowledgmentCount; i++) {
            acknowledgments.add(new Acknowledgment(in.readLong(), in.readLong(), in.readInt(), in.readBoolean()));
        }
        Quality quality = null;
        if (in.readBoolean()) {
            quality = new Quality(in.readInt(), readInt(in), readString(in), readString(in), in.readShort(), in.readBoolean());
        }
        return new EncounterFacts(facilityId, newestAt, registration, milestones, coverage, flow, payments, remittances, acknowledgments, quality);
    }

    @Override
    public EncounterFacts deserialize(EncounterFacts reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<EncounterFacts> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void writeString(DataOutputView out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeLong(DataOutputView out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readLong(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static void writeInt(DataOutputView out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    private static Integer readInt(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private Object readResolve() {
        return INSTANCE;
    }

    public static final class Snapshot extends SimpleTypeSerializerSnapshot<EncounterFacts> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
