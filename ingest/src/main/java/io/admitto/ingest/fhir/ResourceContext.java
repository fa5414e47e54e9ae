package io.admitto.ingest.fhir;

import io.admitto.events.EventSource;
import io.admitto.ingest.source.EventIds;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * One resource being mapped, with the file it came from: ids, source and facility for its events, and
 * reference resolution within the file.
 *
 * @param contentKey a digest of the resource's JSON: event ids of resources without a logical id are
 *        derived from it, so re-reading the same file still yields the same ids
 */
record ResourceContext(Resource resource, ResourceIndex index, FhirSettings settings, String location, String contentKey) {
    ResourceContext {
        requireNonNull(resource, "resource is null");
        requireNonNull(index, "index is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(location, "location is null");
        requireNonNull(contentKey, "contentKey is null");
    }

    /** {@code Type/id}, else where it stands in the file. */
    String reference() {
        return resource.hasIdElement() && resource.getIdElement().hasIdPart()
                ? resource.fhirType() + "/" + resource.getIdElement().getIdPart()
                : resource.fhirType() + " at " + location;
    }

    /** From the logical id and version (an update is a new event), else from the content. */
    UUID eventId(String unit) {
        if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
            String version = resource.getMeta().hasVersionId() ? resource.getMeta().getVersionId()
                    : resource.getMeta().hasLastUpdated() ? resource.getMeta().getLastUpdatedElement().getValueAsString() : "";
            return EventIds.of("fhir", resource.fhirType(), resource.getIdElement().getIdPart(), version, unit);
        }
        return EventIds.of("fhir", resource.fhirType(), "content", contentKey, unit);
    }

    EventSource source() {
        String system = resource.getMeta().hasSource() ? resource.getMeta().getSource() : "fhir";
        return new EventSource(system, reference());
    }

    ZoneId zone() {
        return settings.zone();
    }

    Optional<OffsetDateTime> lastUpdated() {
        return resource.getMeta().hasLastUpdated()
                ? FhirValues.dateTime(resource.getMeta().getLastUpdatedElement(), zone())
                : Optional.empty();
    }

    /** Configured facility, else the organization referenced (its identifier, else its id), else "unknown". */
    String facilityId(Reference organization) {
        if (settings.facilityId() != null) {
            return settings.facilityId();
        }
        return organizationId(organization).orElse(FhirSettings.UNKNOWN_FACILITY);
    }

    /** An organization's identifier value: from the resource in the file, the logical reference, or the id. */
    Optional<String> organizationId(Reference reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        Optional<Organization> organization = index.resolve(reference, Organization.class);
        if (organization.isPresent()) {
            Optional<String> identifier = FhirValues.firstIdentifier(organization.get().getIdentifier());
            if (identifier.isPresent()) {
                return identifier;
            }
            if (organization.get().getIdElement().hasIdPart()) {
                return Optional.of(organization.get().getIdElement().getIdPart());
            }
        }
        Identifier logical = reference.getIdentifier();
        if (logical != null && logical.hasValue()) {
            return Optional.of(logical.getValue());
        }
        if (reference.hasReference()) {
            String ref = reference.getReference();
            return Optional.of(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return Optional.empty();
    }
}
