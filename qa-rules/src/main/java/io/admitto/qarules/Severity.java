package io.admitto.qarules;

/**
 * How bad a finding is. HFMA's registration quality measures count errors: a registration is clean
 * (error-free) when it has no finding of severity {@link #ERROR} or {@link #CRITICAL}; warnings are
 * coaching material and never make a registration unclean.
 */
public enum Severity
{
    /** A compliance breach (EMTALA): always an error, and reported to compliance as well as QA. */
    CRITICAL,
    /** A registration error: it predicts a denial or breaks a policy the hospital must follow. */
    ERROR,
    /** Worth a look; not counted in the HFMA error rate. */
    WARNING;

    /** Whether a finding of this severity counts in the HFMA error rate and makes a registration unclean. */
    public boolean isError()
    {
        return this != WARNING;
    }

    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads {@code critical}, {@code error} or {@code warning} (any case). */
    public static Severity fromLabel(String label)
    {
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(label)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + label + "': expected critical, error or warning");
    }
}
