package io.admitto.ingest.fhir;

/** A resource that cannot become a canonical event; the message is the dead-letter reason. */
public final class FhirMappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FhirMappingException(String message) {
        super(message);
    }
}
