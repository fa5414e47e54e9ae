package io.admitto.ingest.generator;

import io.admitto.events.PersonName;

import static java.util.Objects.requireNonNull;

/** A clinician who orders or performs services at a facility; the NPI has a valid check digit. */
record Physician(String npi, PersonName name, Department department)
{
    Physician
    {
        requireNonNull(npi, "npi is null");
        requireNonNull(name, "name is null");
        requireNonNull(department, "department is null");
    }

    /**
     * The NPI check digit: Luhn over the 9-digit base prefixed with 80840 (the health-industry card
     * issuer prefix), which contributes the constant 24 to the sum.
     */
    static int npiCheckDigit(String base)
    {
        if (base.length() != 9) {
            throw new IllegalArgumentException("NPI base must have 9 digits: " + base);
        }
        int sum = 24;
        for (int i = 0; i < 9; i++) {
            int digit = base.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
