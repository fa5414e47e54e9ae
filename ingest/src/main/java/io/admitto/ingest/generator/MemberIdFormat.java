package io.admitto.ingest.generator;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Member-ID formats of the synthetic payers, with a pattern a QA rule can check IN1-49/IN1-36 against.
 * <ul>
 *   <li>{@link #MBI}: the Medicare Beneficiary Identifier per CMS, 11 characters without dashes,
 *       {@code C A AN N A AN N A A N N} (C = 1-9, N = 0-9, A = a letter other than S, L, O, I, B, Z,
 *       AN = either), e.g. {@code 1EG4TE5MK73}.</li>
 *   <li>{@link #MEDICARE_ADVANTAGE}: {@code HM} and 9 digits (the plan's own card number).</li>
 *   <li>{@link #MEDICAID}: the state Medicaid ID, 10 digits, not starting with 0.</li>
 *   <li>{@link #MANAGED_MEDICAID}: {@code LC} and 8 digits.</li>
 *   <li>{@link #BLUE_PPO}: a Blue-plan style 3-letter alpha prefix ({@code BPX}) and 9 digits.</li>
 *   <li>{@link #HMO}: {@code NS}, a 9-digit family number and a 2-digit member suffix (01 the
 *       subscriber, 02 the spouse, 03 and up the children).</li>
 * </ul>
 */
public enum MemberIdFormat
{
    MBI("^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$"),
    MEDICARE_ADVANTAGE("^HM[0-9]{9}$"),
    MEDICAID("^[1-9][0-9]{9}$"),
    MANAGED_MEDICAID("^LC[0-9]{8}$"),
    BLUE_PPO("^BPX[0-9]{9}$"),
    HMO("^NS[0-9]{9}(0[1-9]|[1-9][0-9])$");

    /** MBI letters: the alphabet without S, L, O, I, B and Z, which look like digits. */
    private static final char[] MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY".toCharArray();
    private static final char[] MBI_ALPHANUMERIC = "ACDEFGHJKMNPQRTUVWXY0123456789".toCharArray();

    private final Pattern pattern;

    MemberIdFormat(String regex)
    {
        this.pattern = Pattern.compile(requireNonNull(regex, "regex is null"));
    }

    public Pattern pattern()
    {
        return pattern;
    }

    public boolean matches(String memberId)
    {
        return memberId != null && pattern.matcher(memberId).matches();
    }

    /** A new subscriber's ID (for {@link #HMO}, with suffix 01). */
    String generate(SplittableRandom random)
    {
        return switch (this) {
            case MBI -> mbi(random);
            case MEDICARE_ADVANTAGE -> "HM" + digits(random, 9);
            case MEDICAID -> (char) ('1' + random.nextInt(9)) + digits(random, 9);
            case MANAGED_MEDICAID -> "LC" + digits(random, 8);
            case BLUE_PPO -> "BPX" + digits(random, 9);
            case HMO -> "NS" + digits(random, 9) + "01";
        };
    }

    /**
     * The ID a dependent carries on a subscriber's policy: HMO cards carry a member suffix, the others
     * share the subscriber's ID.
     */
    String forDependent(String subscriberId, int memberSuffix)
    {
        if (this != HMO) {
            return subscriberId;
        }
        return subscriberId.substring(0, subscriberId.length() - 2) + (memberSuffix < 10 ? "0" : "") + memberSuffix;
    }

    /**
     * A registrar's typing mistake: one digit replaced (still well-formed), two neighbours swapped or a
     * character dropped (often malformed). Never returns {@code memberId} itself.
     */
    static String mistype(String memberId, SplittableRandom random)
    {
        char[] chars = memberId.toCharArray();
        double kind = random.nextDouble();
        if (kind < 0.45) {
            int start = random.nextInt(chars.length);
            for (int i = 0; i < chars.length; i++) {
                int position = (start + i) % chars.length;
                if (Character.isDigit(chars[position])) {
                    char replacement = (char) ('0' + (chars[position] - '0' + 1 + random.nextInt(9)) % 10);
                    if (position == 0 && replacement == '0') {
                        replacement = '9';
                    }
                    chars[position] = replacement;
                    if (!new String(chars).equals(memberId)) {
                        return new String(chars);
                    }
                }
            }
        }
        if (kind < 0.80) {
            int start = random.nextInt(chars.length - 1);
            for (int i = 0; i < chars.length - 1; i++) {
                int position = (start + i) % (chars.length - 1);
                if (chars[position] != chars[position + 1]) {
                    char swap = chars[position];
                    chars[position] = chars[position + 1];
                    chars[position + 1] = swap;
                    return new String(chars);
                }
            }
        }
        int dropped = random.nextInt(chars.length);
        return memberId.substring(0, dropped) + memberId.substring(dropped + 1);
    }

    private static String mbi(SplittableRandom random)
    {
        char[] id = new char[11];
        id[0] = (char) ('1' + random.nextInt(9));
        id[1] = Draws.pick(random, MBI_LETTERS);
        id[2] = Draws.pick(random, MBI_ALPHANUMERIC);
        id[3] = (char) ('0' + random.nextInt(10));
        id[4] = Draws.pick(random, MBI_LETTERS);
        id[5] = Draws.pick(random, MBI_ALPHANUMERIC);
        id[6] = (char) ('0' + random.nextInt(10));
        id[7] = Draws.pick(random, MBI_LETTERS);
        id[8] = Draws.pick(random, MBI_LETTERS);
        id[9] = (char) ('0' + random.nextInt(10));
        id[10] = (char) ('0' + random.nextInt(10));
        return new String(id);
    }

    private static String digits(SplittableRandom random, int count)
    {
        char[] digits = new char[count];
        for (int i = 0; i < count; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }
}
