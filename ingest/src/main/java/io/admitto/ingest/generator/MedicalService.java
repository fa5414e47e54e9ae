package io.admitto.ingest.generator;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A billable service from a department's catalogue: CPT or HCPCS code, the hospital's charge, the
 * authorization category payers key on, and ICD-10-CM diagnoses that support it.
 *
 * @param chargeCents chargemaster price per unit (per day for inpatient stays)
 */
record MedicalService(
        String code,
        String codeSystem,
        String description,
        long chargeCents,
        AuthorizationCategory authorizationCategory,
        List<String> diagnoses,
        double weight)
{
    MedicalService
    {
        requireNonNull(code, "code is null");
        requireNonNull(codeSystem, "codeSystem is null");
        requireNonNull(description, "description is null");
        requireNonNull(authorizationCategory, "authorizationCategory is null");
        diagnoses = List.copyOf(diagnoses);
        if (diagnoses.isEmpty()) {
            throw new IllegalArgumentException("service " + code + " needs at least one supporting diagnosis");
        }
    }

    static MedicalService cpt(String code, String description, long chargeDollars, AuthorizationCategory category, double weight, String... diagnoses)
    {
        return new MedicalService(code, "CPT", description, chargeDollars * 100, category, List.of(diagnoses), weight);
    }

    static MedicalService hcpcs(String code, String description, long chargeDollars, AuthorizationCategory category, double weight, String... diagnoses)
    {
        return new MedicalService(code, "HCPCS", description, chargeDollars * 100, category, List.of(diagnoses), weight);
    }
}
