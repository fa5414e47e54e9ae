package io.admitto.ingest.generator;

import io.admitto.events.Address;
import io.admitto.events.Diagnosis;
import io.admitto.events.Guarantor;
import io.admitto.events.Insurance;
import io.admitto.events.Patient;
import io.admitto.events.PatientAcknowledgments;
import io.admitto.events.PatientClass;
import io.admitto.events.Provider;
import io.admitto.events.RegistrationEvent;
import io.admitto.events.ScheduledService;

import java.util.List;

/**
 * The registration as it stands at one point of an encounter; the registration events of the
 * encounter share it, so each carries the whole record without copying it.
 */
record RegistrationSnapshot(
        Patient patient,
        PatientClass patientClass,
        String department,
        ScheduledService service,
        List<Diagnosis> diagnoses,
        Provider orderingProvider,
        String financialClass,
        List<Insurance> insurances,
        Guarantor guarantor,
        PatientAcknowledgments acknowledgments)
{
    RegistrationEvent event(EventEnvelope envelope, String registrarId, String cancelReason)
    {
        return new RegistrationEvent(envelope.eventId(), envelope.eventType(), envelope.eventTime(), envelope.source(),
                envelope.facilityId(), envelope.schemaVersion(), envelope.encounterId(), patient, patientClass, department,
                service, diagnoses, orderingProvider, registrarId, financialClass, insurances, guarantor, acknowledgments, cancelReason);
    }

    /** The same registration after an A08 that corrected the patient's address (second line). */
    RegistrationSnapshot withAddressLine2(String line2)
    {
        Address address = patient.address();
        Address updated = new Address(address.line1(), line2, address.city(), address.state(), address.postalCode(), address.country());
        Patient changed = new Patient(patient.mrn(), patient.identifiers(), patient.name(), patient.birthDate(), patient.sex(),
                patient.ssn(), updated, patient.phone(), patient.deathDate());
        return new RegistrationSnapshot(changed, patientClass, department, service, diagnoses, orderingProvider, financialClass,
                insurances, guarantor, acknowledgments);
    }
}
