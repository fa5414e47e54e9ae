package io.admitto.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import io.admitto.events.CanonicalEvent;
import io.admitto.events.DeadLetter;
import io.admitto.ingest.source.EventIds;
import io.admitto.ingest.source.IngestSink;
import io.admitto.ingest.source.SourceAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * FHIR R4 JSON into canonical events: a Bundle (or a single resource) per file, or NDJSON (bulk export:
 * one resource per line, {@code .ndjson}/{@code .jsonl}, or any file whose first line is a whole resource).
 *
 * <p>References are resolved within the file, so an Encounter becomes a full registration only when its
 * Patient (and Coverages) travel with it — as they do in a Bundle, or in an NDJSON file holding the
 * export's Patient, Coverage and Encounter lines together.
 *
 * <p>Patient, Coverage, Organization, Practitioner, RelatedPerson, Claim, CoverageEligibilityRequest,
 * Condition, Location and Account are context for the others and yield no event of their own. Any
 * other resource type, and every resource that cannot be mapped, becomes one dead letter naming the
 * Bundle entry or NDJSON line.
 */
public final class FhirSourceAdapter implements SourceAdapter {
    public static final String FORMAT = "fhir";

    private static final Set<String> CONTEXT_TYPES = Set.of("Patient", "Coverage", "Organization", "Practitioner",
            "PractitionerRole", "RelatedPerson", "Claim", "CoverageEligibilityRequest", "Condition", "Location", "Account");

    private final FhirSettings settings;
    private final Clock clock;
    private final Supplier<FhirContext> fhir;

    /** For {@link java.util.ServiceLoader}: no fixed facility, the machine's zone. */
    public FhirSourceAdapter() {
        this(FhirSettings.defaults(), Clock.systemUTC());
    }

    public FhirSourceAdapter(FhirSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        // a FhirContext takes about a second to build: only when a FHIR file is actually read (the
        // ServiceLoader instantiates every adapter), and once per adapter — it is thread-safe
        this.fhir = new Memoized<>(FhirContext::forR4);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void read(Path file, IngestSink sink) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(sink, "sink is null");
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        read(Files.readString(file, StandardCharsets.UTF_8), file.toString(), name.endsWith(".ndjson") || name.endsWith(".jsonl"), sink);
    }

    /**
     * @param ndjson true for one resource per line; otherwise decided from the content
     */
    public void read(String text, String origin, boolean ndjson, IngestSink sink) {
        requireNonNull(text, "text is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(sink, "sink is null");
        // a parser is cheap and not thread-safe: one per file
        IParser parser = fhir.get().newJsonParser();
        List<Entry> entries = ndjson || looksLikeNdjson(text) ? ndjsonEntries(text, origin, parser, sink) : bundleEntries(text, origin, parser, sink);
        List<Resource> resources = new ArrayList<>();
        List<String> fullUrls = new ArrayList<>();
        for (Entry entry : entries) {
            resources.add(entry.resource());
            fullUrls.add(entry.fullUrl());
        }
        ResourceIndex index = new ResourceIndex(resources, fullUrls);
        Set<Resource> appointmentsOfEncounters = new HashSet<>();
        for (Resource resource : resources) {
            if (resource instanceof Encounter encounter) {
                for (Reference reference : encounter.getAppointment()) {
                    index.resolve(reference, Appointment.class).ifPresent(appointmentsOfEncounters::add);
                }
            }
        }
        for (Entry entry : entries) {
            Resource resource = entry.resource();
            if (CONTEXT_TYPES.contains(resource.fhirType()) || appointmentsOfEncounters.contains(resource)) {
                continue;
            }
            ResourceContext context = new ResourceContext(resource, index, settings, entry.location(), entry.contentKey());
            try {
                sink.accept(map(resource, context));
            }
            catch (FhirMappingException | IllegalArgumentException e) {
                // IllegalArgumentException: an event record refused a value (the event model's own checks)
                sink.deadLetter(deadLetter(origin, entry.location() + " (" + context.reference() + ")", e.getMessage(), entry.payload()));
            }
        }
    }

    private static CanonicalEvent map(Resource resource, ResourceContext context) {
        if (resource instanceof Encounter encounter) {
            return RegistrationMapper.encounter(encounter, context);
        }
        if (resource instanceof Appointment appointment) {
            return RegistrationMapper.appointment(appointment, context);
        }
        if (resource instanceof CoverageEligibilityResponse response) {
            return FinancialMapper.eligibility(response, context);
        }
        if (resource instanceof ExplanationOfBenefit eob) {
            return FinancialMapper.explanationOfBenefit(eob, context);
        }
        if (resource instanceof ClaimResponse response) {
            if (response.getUse() == ClaimResponse.Use.PREAUTHORIZATION) {
                return FinancialMapper.preauthorization(response, context);
            }
            throw new FhirMappingException("ClaimResponse with use=" + (response.hasUse() ? response.getUse().toCode() : "(none)")
                    + " is not mapped: only preauthorization (Da Vinci PAS) decisions are; claim adjudication is read from ExplanationOfBenefit");
        }
        throw new FhirMappingException("resource type " + resource.fhirType() + " is not one Admitto maps");
    }

    /** A resource, where it was, and its text for a dead letter. */
    private record Entry(Resource resource, String fullUrl, String location, String payload, String contentKey) {}

    private List<Entry> bundleEntries(String text, String origin, IParser parser, IngestSink sink) {
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(text);
        }
        catch (RuntimeException e) {
            // DataFormatException for what HAPI recognises as bad; other runtime exceptions are HAPI failing on
            // malformed input (an empty JSON key throws StringIndexOutOfBoundsException): the input is at fault
            sink.deadLetter(deadLetter(origin, "whole file", "not a FHIR R4 JSON resource: " + message(e), text));
            return List.of();
        }
        if (!(parsed instanceof Resource resource)) {
            sink.deadLetter(deadLetter(origin, "whole file", "not a FHIR R4 resource", text));
            return List.of();
        }
        if (!(resource instanceof Bundle bundle)) {
            return List.of(new Entry(resource, null, "resource", text, digest(text)));
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (Bundle.BundleEntryComponent component : bundle.getEntry()) {
            String location = "Bundle entry " + index++;
            if (component.getResource() == null) {
                sink.deadLetter(deadLetter(origin, location, "Bundle entry without a resource", component.hasFullUrl() ? component.getFullUrl() : ""));
                continue;
            }
            String payload = encode(parser, component.getResource());
            entries.add(new Entry(component.getResource(), component.getFullUrl(), location, payload, digest(payload)));
        }
        return entries;
    }

    private List<Entry> ndjsonEntries(String text, String origin, IParser parser, IngestSink sink) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String location = "NDJSON line " + (i + 1);
            try {
                IBaseResource parsed = parser.parseResource(line);
                if (parsed instanceof Resource resource) {
                    entries.add(new Entry(resource, null, location, line, digest(line)));
                }
                else {
                    sink.deadLetter(deadLetter(origin, location, "not a FHIR R4 resource", line));
                }
            }
            catch (RuntimeException e) {
                // as for a whole file: whatever HAPI throws while parsing, this line is not a resource we can read
                sink.deadLetter(deadLetter(origin, location, "not a FHIR R4 JSON resource: " + message(e), line));
            }
        }
        return entries;
    }

    /** NDJSON when the first non-blank line is a whole JSON object and more lines follow. */
    static boolean looksLikeNdjson(String text) {
        String[] lines = text.strip().split("\r?\n");
        if (lines.length < 2) {
            return false;
        }
        String first = lines[0].strip();
        return first.startsWith("{") && first.endsWith("}") && first.contains("\"resourceType\"");
    }

    private static String encode(IParser parser, Resource resource) {
        try {
            return parser.encodeResourceToString(resource);
        }
        catch (RuntimeException e) {
            return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        }
    }

    private static String digest(String text) {
        return EventIds.of(text).toString();
    }

    private static String message(Exception e) {
        return e instanceof DataFormatException && e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private DeadLetter deadLetter(String origin, String location, String reason, String payload) {
        return new DeadLetter(FORMAT, origin, location, reason, payload, OffsetDateTime.now(clock));
    }

    /** Builds once, on first use, from any thread. */
    private static final class Memoized<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Memoized(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = factory.get();
                        value = result;
                    }
                }
            }
            return result;
        }
    }
}
