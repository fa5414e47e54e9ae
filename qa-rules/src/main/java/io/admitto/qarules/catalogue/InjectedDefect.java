package io.admitto.qarules.catalogue;

import static java.util.Objects.requireNonNull;

/**
 * A registration defect known to be in an encounter (the generator's ground truth), by name so this
 * module needs no dependency on the generator.
 *
 * @param defect the generator's {@code Defect} name, e.g. {@code WRONG_MEMBER_ID}
 * @param detail the variant, as the ground truth words it (e.g. {@code malformed SSN}); may be null
 */
public record InjectedDefect(String encounterId, String defect, String detail)
{
    public InjectedDefect
    {
        requireNonNull(encounterId, "encounterId is null");
        requireNonNull(defect, "defect is null");
    }
}
