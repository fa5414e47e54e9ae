package io.admitto.ingest.csv;

import io.admitto.events.EventType;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Which CSV column holds which canonical registration field, read from a properties file (see
 * docs/ingest.md, CSV, and {@code csv-mapping.example.properties}). Keys are canonical field paths
 * ({@code encounterId}, {@code patient.birthDate}, {@code insurance1.memberId}...), values are CSV
 * header names; keys starting with {@code @} are options (formats, zone, defaults). Immutable.
 */
public final class CsvMapping {
    /** Canonical fields a column can be mapped to. */
    static final Set<String> FIELDS = Set.of(
            "eventType", "eventTime", "facilityId", "encounterId", "messageId",
            "patient.mrn", "patient.family", "patient.given", "patient.middle", "patient.birthDate", "patient.sex",
            "patient.ssn", "patient.address.line1", "patient.address.line2", "patient.address.city",
            "patient.address.state", "patient.address.postalCode", "patient.address.country", "patient.phone",
            "patientClass", "department", "registrarId", "financialClass", "cancelReason",
            "diagnosis1", "diagnosis2", "diagnosis3",
            "guarantor.family", "guarantor.given", "guarantor.relationship", "guarantor.phone");

    /** Fields of each insurance (insurance1 is the primary, insurance2 the secondary, insurance3 the tertiary). */
    static final Set<String> INSURANCE_FIELDS = Set.of(
            "payerId", "payerName", "planId", "planName", "planType", "memberId", "groupNumber",
            "subscriber.family", "subscriber.given", "subscriber.birthDate", "subscriber.relationship",
            "coverageStart", "coverageEnd", "verification.status", "verification.verifiedAt", "verification.verifiedBy",
            "authorizationNumber", "referralNumber");

    static final int MAX_INSURANCES = 3;

    private static final Set<String> OPTIONS = Set.of(
            "@delimiter", "@date.format", "@datetime.format", "@zone", "@eventType.default", "@facilityId.default", "@source.system");

    private final Map<String, String> columns;
    private final char delimiter;
    private final DateTimeFormatter dateFormat;
    private final String dateFormatPattern;
    private final DateTimeFormatter dateTimeFormat;
    private final String dateTimeFormatPattern;
    private final ZoneId zone;
    private final EventType defaultEventType;
    private final String defaultFacilityId;
    private final String sourceSystem;

    private CsvMapping(Map<String, String> properties) {
        Map<String, String> columns = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            String key = entry.getKey().trim();
            String value = entry.getValue().trim();
            if (key.startsWith("@")) {
                if (!OPTIONS.contains(key)) {
                    unknown.add(key);
                }
                continue;
            }
            if (!isField(key)) {
                unknown.add(key);
                continue;
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("CSV mapping: no column given for " + key);
            }
            columns.put(key, value);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("CSV mapping: unknown keys " + unknown + "; fields are " + new TreeSet<>(FIELDS)
                    + ", insuranceN.<" + String.join("|", new TreeSet<>(INSURANCE_FIELDS)) + "> (N = 1.." + MAX_INSURANCES + ") and options " + new TreeSet<>(OPTIONS));
        }
        this.columns = Map.copyOf(columns);
        String delimiter = properties.getOrDefault("@delimiter", ",");
        if ("\\t".equals(delimiter) || "tab".equalsIgnoreCase(delimiter)) {
            delimiter = "\t";
        }
        if (delimiter.length() != 1 || delimiter.charAt(0) == '"' || delimiter.charAt(0) == '\r' || delimiter.charAt(0) == '\n') {
            throw new IllegalArgumentException("CSV mapping: @delimiter must be one character other than a quote or line break: '" + delimiter + "'");
        }
        this.delimiter = delimiter.charAt(0);
        this.dateFormatPattern = properties.getOrDefault("@date.format", "yyyy-MM-dd").trim();
        this.dateFormat = formatter(dateFormatPattern, "@date.format");
        this.dateTimeFormatPattern = properties.getOrDefault("@datetime.format", "yyyy-MM-dd'T'HH:mm[:ss][XXX]").trim();
        this.dateTimeFormat = formatter(dateTimeFormatPattern, "@datetime.format");
        try {
            this.zone = ZoneId.of(properties.getOrDefault("@zone", "UTC").trim());
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException("CSV mapping: @zone is not a time zone: " + properties.get("@zone"));
        }
        String eventType = properties.get("@eventType.default");
        this.defaultEventType = eventType == null ? null : CsvRowMapper.eventType(eventType.trim());
        if (eventType != null && defaultEventType == null) {
            throw new IllegalArgumentException("CSV mapping: @eventType.default is not a registration event type: " + eventType);
        }
        this.defaultFacilityId = blankToNull(properties.get("@facilityId.default"));
        this.sourceSystem = properties.getOrDefault("@source.system", "csv").trim();
        if (!columns.containsKey("encounterId")) {
            throw new IllegalArgumentException("CSV mapping: encounterId must be mapped to a column (it is the Kafka key)");
        }
        if (!columns.containsKey("eventTime")) {
            throw new IllegalArgumentException("CSV mapping: eventTime must be mapped to a column");
        }
        if (!columns.containsKey("eventType") && defaultEventType == null) {
            throw new IllegalArgumentException("CSV mapping: map eventType to a column or set @eventType.default");
        }
        if (!columns.containsKey("facilityId") && defaultFacilityId == null) {
            throw new IllegalArgumentException("CSV mapping: map facilityId to a column or set @facilityId.default");
        }
    }

    public static CsvMapping read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(requireNonNull(file, "file is null"), StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    public static CsvMapping read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return new CsvMapping(map);
    }

    public static CsvMapping parse(String properties) {
        try {
            return read(new StringReader(properties));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example mapping shipped with Admitto (the columns of {@code registrations.example.csv}). */
    public static CsvMapping example() {
        try (InputStream input = CsvMapping.class.getResourceAsStream("csv-mapping.example.properties")) {
            if (input == null) {
                throw new IllegalStateException("csv-mapping.example.properties missing from the class path");
            }
            return read(new java.io.InputStreamReader(input, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isField(String key) {
        if (FIELDS.contains(key)) {
            return true;
        }
        if (key.startsWith("insurance") && key.length() > "insurance1.".length() && key.charAt("insurance1".length()) == '.') {
            char number = key.charAt("insurance".length());
            return number >= '1' && number <= '0' + MAX_INSURANCES && INSURANCE_FIELDS.contains(key.substring("insurance1.".length()));
        }
        return false;
    }

    private static DateTimeFormatter formatter(String pattern, String option) {
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CSV mapping: " + option + " is not a date pattern: " + pattern);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The column mapped to {@code field}, or null. */
    String column(String field) {
        return columns.get(field);
    }

    Map<String, String> columns() {
        return columns;
    }

    char delimiter() {
        return delimiter;
    }

    DateTimeFormatter dateFormat() {
        return dateFormat;
    }

    String dateFormatPattern() {
        return dateFormatPattern;
    }

    DateTimeFormatter dateTimeFormat() {
        return dateTimeFormat;
    }

    String dateTimeFormatPattern() {
        return dateTimeFormatPattern;
    }

    ZoneId zone() {
        return zone;
    }

    EventType defaultEventType() {
        return defaultEventType;
    }

    String defaultFacilityId() {
        return defaultFacilityId;
    }

    String sourceSystem() {
        return sourceSystem;
    }
}
