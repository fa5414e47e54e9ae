package io.admitto.qarules.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.admitto.events.PlanType;
import io.admitto.qarules.Severity;
import io.admitto.qarules.scoring.ScoringPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Reads an organisation configuration from JSON (schema in {@code docs/rules.md}, "Configuration") and
 * fails fast: an unknown key, a wrong type or an impossible value throws a {@link ConfigException}
 * naming the key as a path ({@code payers[2].memberIdPattern}) and the problem. Optional sections
 * take the defaults documented with the schema; {@code name} and {@code payers} are required.
 */
public final class OrganizationConfigLoader
{
    /** The configuration that ships with the module; it agrees with the hospital generator's payer and service tables. */
    public static final String DEFAULT_RESOURCE = "/io/admitto/qarules/config/default-config.json";

    private static final Pattern ICD10_CM = Pattern.compile("[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");
    private static final Pattern SERVICE_CODE = Pattern.compile("[0-9A-Z][0-9]{3}[0-9A-Z]");

    private OrganizationConfigLoader() {}

    /** The bundled default configuration. */
    public static OrganizationConfig loadDefault()
    {
        try (InputStream in = OrganizationConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default configuration " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OrganizationConfig parse(String json)
    {
        return load(new StringReader(requireNonNull(json, "json is null")));
    }

    public static OrganizationConfig load(InputStream in)
    {
        return load(new InputStreamReader(requireNonNull(in, "in is null"), UTF_8));
    }

    public static OrganizationConfig load(Reader reader)
    {
        requireNonNull(reader, "reader is null");
        JsonNode root;
        try {
            // a mapper per load: configurations are read rarely, and nothing static is shared
            ObjectMapper mapper = JsonMapper.builder().build();
            root = mapper.readTree(reader);
        }
        catch (JsonProcessingException e) {
            throw new ConfigException("(document)", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException("(document)", "empty configuration");
        }
        return read(new Node(root, ""));
    }

    private static OrganizationConfig read(Node root)
    {
        root.onlyKeys("$schema", "description", "name", "scoring", "rules", "payers", "selfPayFinancialClasses", "coverage",
                "serviceDemographics", "orders", "eligibility", "msp", "guarantor", "holidays");
        String name = root.required("name").text();

        ScoringPolicy scoring = ScoringPolicy.defaults();
        if (root.has("scoring")) {
            scoring = scoring(root.get("scoring"), scoring);
        }

        Map<String, RuleSetting> rules = new HashMap<>();
        if (root.has("rules")) {
            Node section = root.get("rules").object();
            for (String id : section.keys()) {
                Node rule = section.get(id).object();
                rule.onlyKeys("enabled", "severity", "weight");
                Boolean enabled = rule.has("enabled") ? rule.get("enabled").bool() : null;
                Severity severity = null;
                if (rule.has("severity")) {
                    Node value = rule.get("severity");
                    try {
                        severity = Severity.fromLabel(value.text());
                    }
                    catch (IllegalArgumentException e) {
                        throw value.fail(e.getMessage());
                    }
                }
                Integer weight = rule.has("weight") ? rule.get("weight").integer(0, 100) : null;
                rules.put(id, new RuleSetting(enabled, severity, weight));
            }
        }

        Map<String, PayerPolicy> payers = new HashMap<>();
        Node payerList = root.required("payers").array();
        if (payerList.size() == 0) {
            throw payerList.fail("at least one payer is required");
        }
        for (int i = 0; i < payerList.size(); i++) {
            PayerPolicy payer = payer(payerList.at(i));
            if (payers.put(payer.payerId(), payer) != null) {
                throw payerList.at(i).get("payerId").fail("duplicate payer ID '" + payer.payerId() + "'");
            }
        }

        Set<String> selfPay = root.has("selfPayFinancialClasses") ? root.get("selfPayFinancialClasses").textSet() : Set.of("SP");

        Map<String, Set<String>> coverage = new HashMap<>();
        if (root.has("coverage")) {
            Node section = root.get("coverage").object();
            for (String code : section.keys()) {
                Node diagnoses = section.get(code);
                serviceCode(diagnoses, code);
                Set<String> codes = diagnoses.textSet();
                if (codes.isEmpty()) {
                    throw diagnoses.fail("a covered service needs at least one supporting ICD-10-CM code");
                }
                for (int i = 0; i < diagnoses.size(); i++) {
                    if (!ICD10_CM.matcher(diagnoses.at(i).text()).matches()) {
                        throw diagnoses.at(i).fail("'" + diagnoses.at(i).text() + "' is not an ICD-10-CM code (e.g. M54.50)");
                    }
                }
                coverage.put(code, codes);
            }
        }

        Map<String, ServiceDemographics> demographics = new HashMap<>();
        if (root.has("serviceDemographics")) {
            Node section = root.get("serviceDemographics").object();
            for (String code : section.keys()) {
                Node entry = section.get(code).object();
                serviceCode(entry, code);
                entry.onlyKeys("sexes", "minimumAge", "maximumAge");
                Integer min = entry.has("minimumAge") ? entry.get("minimumAge").integer(0, 130) : null;
                Integer max = entry.has("maximumAge") ? entry.get("maximumAge").integer(0, 130) : null;
                if (min != null && max != null && min > max) {
                    throw entry.get("minimumAge").fail("minimumAge " + min + " is above maximumAge " + max);
                }
                demographics.put(code, new ServiceDemographics(entry.has("sexes") ? entry.get("sexes").textSet() : Set.of(), min, max));
            }
        }

        Set<String> orderDepartments = Set.of();
        if (root.has("orders")) {
            Node orders = root.get("orders").object();
            orders.onlyKeys("requiredDepartments");
            orderDepartments = orders.required("requiredDepartments").textSet();
        }

        int eligibilityMaxAge = 30;
        if (root.has("eligibility")) {
            Node eligibility = root.get("eligibility").object();
            eligibility.onlyKeys("maxAgeDays");
            eligibilityMaxAge = eligibility.required("maxAgeDays").integer(0, 366);
        }

        Set<PlanType> mspPlanTypes = EnumSet.of(PlanType.MEDICARE_FFS, PlanType.MEDICARE_ADVANTAGE);
        int mspRecurringDays = 90;
        if (root.has("msp")) {
            Node msp = root.get("msp").object();
            msp.onlyKeys("planTypes", "recurringReverifyDays");
            if (msp.has("planTypes")) {
                Node list = msp.get("planTypes").array();
                mspPlanTypes = EnumSet.noneOf(PlanType.class);
                for (int i = 0; i < list.size(); i++) {
                    mspPlanTypes.add(list.at(i).planType());
                }
            }
            if (msp.has("recurringReverifyDays")) {
                mspRecurringDays = msp.get("recurringReverifyDays").integer(1, 366);
            }
        }

        int guarantorMinimumAge = 18;
        if (root.has("guarantor")) {
            Node guarantor = root.get("guarantor").object();
            guarantor.onlyKeys("minimumAge");
            guarantorMinimumAge = guarantor.required("minimumAge").integer(0, 30);
        }

        Set<LocalDate> holidays = new HashSet<>();
        if (root.has("holidays")) {
            Node list = root.get("holidays").array();
            for (int i = 0; i < list.size(); i++) {
                Node entry = list.at(i);
                try {
                    if (!holidays.add(LocalDate.parse(entry.text()))) {
                        throw entry.fail("holiday " + entry.text() + " is listed twice");
                    }
                }
                catch (DateTimeParseException e) {
                    throw entry.fail("'" + entry.text() + "' is not a date (YYYY-MM-DD)");
                }
            }
        }

        return new OrganizationConfig(name, scoring, rules, payers, selfPay, coverage, demographics, orderDepartments, eligibilityMaxAge,
                mspPlanTypes, mspRecurringDays, guarantorMinimumAge, new BusinessCalendar(holidays));
    }

    private static ScoringPolicy scoring(Node section, ScoringPolicy defaults)
    {
        section.object().onlyKeys("weights", "grades", "accuracyTarget");
        Map<Severity, Integer> weights = new EnumMap<>(defaults.weights());
        if (section.has("weights")) {
            Node node = section.get("weights").object();
            node.onlyKeys("critical", "error", "warning");
            for (Severity severity : Severity.values()) {
                if (node.has(severity.label())) {
                    weights.put(severity, node.get(severity.label()).integer(0, 100));
                }
            }
        }
        int[] minimums = defaults.gradeMinimums();
        if (section.has("grades")) {
            Node node = section.get("grades").object();
            node.onlyKeys("A", "B", "C", "D");
            String[] grades = {"A", "B", "C", "D"};
            for (int i = 0; i < grades.length; i++) {
                if (node.has(grades[i])) {
                    minimums[i] = node.get(grades[i]).integer(0, 100);
                }
            }
            for (int i = 1; i < grades.length; i++) {
                if (minimums[i] > minimums[i - 1]) {
                    throw node.fail("grade minimums must descend from A to D: " + grades[i] + " (" + minimums[i] + ") is above "
                            + grades[i - 1] + " (" + minimums[i - 1] + ")");
                }
            }
        }
        double target = defaults.accuracyTarget();
        if (section.has("accuracyTarget")) {
            Node node = section.get("accuracyTarget");
            target = node.number();
            if (!(target >= 0 && target <= 1)) {
                throw node.fail("must be a fraction between 0 and 1 (0.95 for 95%): " + target);
            }
        }
        return new ScoringPolicy(weights, minimums, target);
    }

    private static PayerPolicy payer(Node node)
    {
        node.object().onlyKeys("payerId", "name", "planType", "memberIdPattern", "financialClasses", "authorizationRequired", "referralRequired");
        String payerId = node.required("payerId").text();
        Node patternNode = node.required("memberIdPattern");
        Pattern pattern;
        try {
            pattern = Pattern.compile(patternNode.text());
        }
        catch (PatternSyntaxException e) {
            throw patternNode.fail("not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
        Node financialClasses = node.required("financialClasses");
        Set<String> classes = financialClasses.textSet();
        if (classes.isEmpty()) {
            throw financialClasses.fail("list at least one PV1-20 financial class");
        }
        Set<String> authorization = Set.of();
        if (node.has("authorizationRequired")) {
            Node list = node.get("authorizationRequired");
            authorization = list.textSet();
            for (int i = 0; i < list.size(); i++) {
                serviceCode(list.at(i), list.at(i).text());
            }
        }
        boolean referral = node.has("referralRequired") && node.get("referralRequired").bool();
        return new PayerPolicy(payerId, node.required("name").text(), node.required("planType").planType(), new MemberIdPattern(pattern), classes, authorization, referral);
    }

    private static void serviceCode(Node node, String code)
    {
        if (!SERVICE_CODE.matcher(code).matches()) {
            throw node.fail("'" + code + "' is not a CPT or HCPCS code (five characters, e.g. 70553 or G0439)");
        }
    }

    /** A JSON node and its path, so every error names the key. */
    private record Node(JsonNode json, String path)
    {
        ConfigException fail(String problem)
        {
            return new ConfigException(path.isEmpty() ? "(document)" : path, problem);
        }

        Node object()
        {
            if (!json.isObject()) {
                throw fail("must be an object, not " + kind());
            }
            return this;
        }

        Node array()
        {
            if (!json.isArray()) {
                throw fail("must be a list, not " + kind());
            }
            return this;
        }

        void onlyKeys(String... allowed)
        {
            object();
            Set<String> known = new LinkedHashSet<>(List.of(allowed));
            for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw child(name).fail("unknown key (expected one of " + String.join(", ", known) + ")");
                }
            }
        }

        boolean has(String key)
        {
            return json.has(key) && !json.get(key).isNull();
        }

        Node get(String key)
        {
            return child(key);
        }

        Node required(String key)
        {
            if (!has(key)) {
                throw child(key).fail("is required");
            }
            return child(key);
        }

        List<String> keys()
        {
            List<String> keys = new ArrayList<>();
            json.fieldNames().forEachRemaining(keys::add);
            return keys;
        }

        int size()
        {
            return json.size();
        }

        Node at(int index)
        {
            return new Node(json.get(index), path + "[" + index + "]");
        }

        String text()
        {
            if (!json.isTextual()) {
                throw fail("must be a string, not " + kind());
            }
            if (json.asText().isBlank()) {
                throw fail("must not be empty");
            }
            return json.asText();
        }

        boolean bool()
        {
            if (!json.isBoolean()) {
                throw fail("must be true or false, not " + kind());
            }
            return json.asBoolean();
        }

        int integer(int min, int max)
        {
            if (!json.isIntegralNumber()) {
                throw fail("must be a whole number, not " + kind());
            }
            long value = json.asLong();
            if (value < min || value > max) {
                throw fail("must be between " + min + " and " + max + ": " + value);
            }
            return (int) value;
        }

        double number()
        {
            if (!json.isNumber()) {
                throw fail("must be a number, not " + kind());
            }
            return json.asDouble();
        }

        Set<String> textSet()
        {
            array();
            Set<String> values = new LinkedHashSet<>();
            for (int i = 0; i < size(); i++) {
                if (!values.add(at(i).text())) {
                    throw at(i).fail("'" + at(i).text() + "' is listed twice");
                }
            }
            return values;
        }

        PlanType planType()
        {
            String value = text();
            try {
                return PlanType.valueOf(value);
            }
            catch (IllegalArgumentException e) {
                throw fail("unknown plan type '" + value + "' (expected one of " + java.util.Arrays.toString(PlanType.values()) + ")");
            }
        }

        private Node child(String key)
        {
            return new Node(json.path(key), path.isEmpty() ? key : path + "." + key);
        }

        private String kind()
        {
            return json.isMissingNode() ? "missing" : json.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
