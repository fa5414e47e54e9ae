package io.admitto.qarules.clinical;

import io.admitto.events.Diagnosis;
import io.admitto.events.PatientClass;
import io.admitto.events.PersonName;
import io.admitto.events.Provider;
import io.admitto.qarules.Finding;
import io.admitto.qarules.Scenario;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClinicalRulesTest
{
    private final Scenario scenario = Scenario.medicareImaging();

    @Nested
    class Order
    {
        @Test
        void imagingWithoutOrderingPhysicianFails()
        {
            scenario.orderingProvider = null;
            assertThat(scenario.findings("ORD-001")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("16");
        }

        @Test
        void physicianWithoutSignedOrderFails()
        {
            scenario.orderingProvider = new Provider("1234567893", new PersonName("CHEN", "LI", null), null);
            assertThat(scenario.findings("ORD-001")).singleElement().extracting(Finding::message).asString().contains("No signed order");
        }

        @Test
        void clinicVisitsNeedNoOrder()
        {
            scenario.department = "CLIN";
            scenario.orderingProvider = null;
            assertThat(scenario.findings("ORD-001")).isEmpty();
        }

        @Test
        void emergencyNeedsNoOrder()
        {
            assertThat(Scenario.emergencyVisit().findings("ORD-001")).isEmpty();
        }

        @Test
        void orderArrivingAfterTheServiceStartedIsAWarning()
        {
            scenario.orderingProvider = new Provider("1234567893", new PersonName("CHEN", "LI", null), Scenario.cdt("2026-03-10T09:20:00"));
            assertThat(scenario.findings("ORD-002")).hasSize(1);
            assertThat(scenario.findings("ORD-001")).isEmpty();
        }
    }

    @Nested
    class Necessity
    {
        @Test
        void noDiagnosisFails()
        {
            scenario.diagnoses = new ArrayList<>();
            assertThat(scenario.findings("MNC-001")).hasSize(1);
        }

        @Test
        void aSecondaryDiagnosisThatSupportsTheServiceIsEnough()
        {
            scenario.diagnoses = new ArrayList<>(List.of(new Diagnosis("I10", "ICD-10-CM", 1), new Diagnosis("R51.9", "ICD-10-CM", 2)));
            assertThat(scenario.findings("MNC-002")).isEmpty();
        }

        @Test
        void unsupportedDiagnosisIsAWarning()
        {
            scenario.diagnoses = new ArrayList<>(List.of(new Diagnosis("I10", "ICD-10-CM", 1)));
            assertThat(scenario.findings("MNC-002")).singleElement().extracting(Finding::predictedCarcs).asList().containsExactly("50", "167");
        }

        @Test
        void servicesOutsideTheCoverageTableAreNotChecked()
        {
            scenario.serviceCode = "99213";
            scenario.diagnoses = new ArrayList<>(List.of(new Diagnosis("Z00.00", "ICD-10-CM", 1)));
            assertThat(scenario.findings("MNC-002")).isEmpty();
        }

        @Test
        void inpatientWithoutAdmissionOrderFails()
        {
            scenario.patientClass = PatientClass.INPATIENT;
            scenario.department = "INPT";
            scenario.serviceCode = "99223";
            scenario.orderingProvider = null;
            assertThat(scenario.findings("ORD-001")).hasSize(1);
        }
    }
}
