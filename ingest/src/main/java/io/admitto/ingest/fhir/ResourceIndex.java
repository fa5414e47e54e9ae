package io.admitto.ingest.fhir;

import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of one Bundle or NDJSON file, by every name a reference may use: the entry's
 * {@code fullUrl} (often {@code urn:uuid:…}) and {@code Type/id}. References are resolved only inside
 * the file: FHIR allows absolute URLs to other servers, which an offline ingest cannot follow.
 */
final class ResourceIndex {
    private final Map<String, Resource> byKey = new HashMap<>();
    private final List<Resource> resources;
    private final Map<Patient, List<Coverage>> coveragesByBeneficiary = new IdentityHashMap<>();

    ResourceIndex(List<Resource> resources, List<String> fullUrls) {
        this.resources = List.copyOf(resources);
        for (int i = 0; i < resources.size(); i++) {
            Resource resource = resources.get(i);
            String fullUrl = i < fullUrls.size() ? fullUrls.get(i) : null;
            if (fullUrl != null && !fullUrl.isEmpty()) {
                byKey.putIfAbsent(fullUrl, resource);
            }
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                byKey.putIfAbsent(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
            }
        }
        // once per file, not once per Encounter: a bulk export has thousands of each
        for (Resource resource : resources) {
            if (resource instanceof Coverage coverage) {
                resolve(coverage.getBeneficiary(), Patient.class)
                        .ifPresent(patient -> coveragesByBeneficiary.computeIfAbsent(patient, key -> new ArrayList<>()).add(coverage));
            }
        }
    }

    /** The Coverages in the file whose beneficiary is this patient, in file order. */
    List<Coverage> coveragesOf(Patient patient) {
        return coveragesByBeneficiary.getOrDefault(patient, List.of());
    }

    List<Resource> resources() {
        return resources;
    }

    <T extends Resource> Optional<T> resolve(Reference reference, Class<T> type) {
        if (reference == null || !reference.hasReference()) {
            return Optional.empty();
        }
        String key = reference.getReference();
        Resource found = byKey.get(key);
        if (found == null && key.contains("/")) {
            // an absolute URL ending in Type/id, or a versioned reference Type/id/_history/n
            String[] parts = key.split("/");
            for (int i = parts.length - 1; i > 0 && found == null; i--) {
                found = byKey.get(parts[i - 1] + "/" + parts[i]);
            }
        }
        return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
    }
}
