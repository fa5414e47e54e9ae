package io.admitto.ingest.hl7;

/** The MLLP block characters (HL7 v2 Minimal Lower Layer Protocol, Appendix C): {@code <VT> message <FS><CR>}. */
final class Hl7Framing {
    static final char START_BLOCK = 0x0B;
    static final char END_BLOCK = 0x1C;
    static final char CARRIAGE_RETURN = 0x0D;

    private Hl7Framing() {}
}
