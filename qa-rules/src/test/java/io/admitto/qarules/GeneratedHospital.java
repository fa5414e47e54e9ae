package io.admitto.qarules;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.RegistrationEvent;
import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.HospitalGenerator;
import io.admitto.qarules.catalogue.InjectedDefect;
import io.admitto.qarules.identity.PatientIndex;
import io.admitto.qarules.snapshot.RegistrationSnapshot;
import io.admitto.qarules.snapshot.SnapshotAssembler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generator run turned into what the rules see: one snapshot per registered encounter, folded from
 * the events in delivery order (out of event-time order by up to the generator's jitter), with
 * duplicate-record candidates from a patient index over the whole run, plus the injected defects.
 */
public final class GeneratedHospital
{
    public final GroundTruth truth;
    public final List<RegistrationSnapshot> snapshots;
    public final List<InjectedDefect> defects;

    private GeneratedHospital(GroundTruth truth, List<RegistrationSnapshot> snapshots, List<InjectedDefect> defects)
    {
        this.truth = truth;
        this.snapshots = snapshots;
        this.defects = defects;
    }

    public static GeneratedHospital generate(GeneratorConfig config)
    {
        Map<String, RegistrationSnapshot> byEncounter = new LinkedHashMap<>();
        PatientIndex index = new PatientIndex();
        GroundTruth truth = new HospitalGenerator(config).generate(event -> {
            byEncounter.merge(event.encounterId(), SnapshotAssembler.add(RegistrationSnapshot.empty(event.encounterId()), event),
                    (existing, ignored) -> SnapshotAssembler.add(existing, event));
            record(index, event);
        });
        List<RegistrationSnapshot> snapshots = new ArrayList<>();
        for (RegistrationSnapshot snapshot : byEncounter.values()) {
            if (snapshot.registered() && !snapshot.cancelled()) {
                RegistrationEvent registration = snapshot.registration();
                snapshots.add(snapshot.withIdentityMatches(index.matches(registration.facilityId(), registration.patient())));
            }
        }
        List<InjectedDefect> defects = new ArrayList<>();
        for (GroundTruth.InjectedDefect defect : truth.defects()) {
            defects.add(new InjectedDefect(defect.encounterId(), defect.defect().name(), defect.detail()));
        }
        return new GeneratedHospital(truth, List.copyOf(snapshots), List.copyOf(defects));
    }

    private static void record(PatientIndex index, CanonicalEvent event)
    {
        if (event instanceof RegistrationEvent registration && registration.patient() != null) {
            index.record(registration.facilityId(), registration.patient(), registration.encounterId(), registration.eventTime().toInstant());
        }
    }

    public List<Assessment> assess(RegistrationAssessor assessor)
    {
        List<Assessment> assessments = new ArrayList<>(snapshots.size());
        for (RegistrationSnapshot snapshot : snapshots) {
            assessments.add(assessor.assess(snapshot));
        }
        return assessments;
    }
}
