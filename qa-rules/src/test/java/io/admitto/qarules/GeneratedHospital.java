package io.admitto.qarules;

import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.HospitalGenerator;
import io.admitto.qarules.catalogue.InjectedDefect;
import io.admitto.qarules.snapshot.EncounterSnapshots;
import io.admitto.qarules.snapshot.RegistrationSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * A generator run turned into what the rules see ({@link EncounterSnapshots}): one snapshot per registered encounter, folded from
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
        EncounterSnapshots encounters = new EncounterSnapshots();
        GroundTruth truth = new HospitalGenerator(config).generate(encounters::accept);
        List<InjectedDefect> defects = new ArrayList<>();
        for (GroundTruth.InjectedDefect defect : truth.defects()) {
            defects.add(new InjectedDefect(defect.encounterId(), defect.defect().name(), defect.detail()));
        }
        return new GeneratedHospital(truth, encounters.registered(), List.copyOf(defects));
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
