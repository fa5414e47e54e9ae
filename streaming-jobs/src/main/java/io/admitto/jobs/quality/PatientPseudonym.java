package io.admitto.jobs.quality;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * The keyed pseudonym that stands for a patient in analytic tables: HMAC-SHA-256 of facility and MRN
 * under a secret key, so analysts can follow one patient's encounters without learning who it is, and
 * without the key nobody can recompute it from a guessed MRN. Not thread-safe: one per operator instance.
 */
final class PatientPseudonym {
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;

    PatientPseudonym(String key) {
        requireNonNull(key, "key is null");
        if (key.length() < 16) {
            throw new IllegalArgumentException("pseudonym key must have at least 16 characters");
        }
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 32 hex characters (128 bits), or null when the MRN is unknown. */
    String of(String facilityId, String mrn) {
        if (mrn == null || mrn.isBlank()) {
            return null;
        }
        byte[] digest = mac.doFinal((facilityId + "\u001f" + mrn).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
