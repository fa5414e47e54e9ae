package io.admitto.ingest.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.ParserConfiguration;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.parser.UnexpectedSegmentBehaviourEnum;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * HAPI's pipe parser set up for real feeds: every version (2.1-2.8) parsed into the v2.5.1 structures,
 * so the mapper reads one model; no validation, because a missing or malformed field is a finding for the
 * QA rules (or a dead letter with a reason from the mapper), not a reason to refuse the message; segments
 * in unexpected places kept where they appear. Thread-safe: HAPI's parser holds no per-call state.
 */
final class Hl7Parser {
    /** The structure version every message is parsed into. */
    static final String CANONICAL_VERSION = "2.5.1";

    private final PipeParser parser;

    Hl7Parser() {
        ParserConfiguration configuration = new ParserConfiguration();
        configuration.setValidating(false);
        configuration.setAllowUnknownVersions(true);
        configuration.setUnexpectedSegmentBehaviour(UnexpectedSegmentBehaviourEnum.ADD_INLINE);
        // an OBX without a usable OBX-2 (seen in ADT feeds) must not lose the whole registration
        configuration.setDefaultObx2Type("ST");
        configuration.setInvalidObx2Type("ST");
        HapiContext context = new DefaultHapiContext(configuration, ValidationContextFactory.noValidation(),
                new CanonicalModelClassFactory(CANONICAL_VERSION));
        this.parser = context.getPipeParser();
    }

    /**
     * @param text segments separated by CR
     * @throws HL7Exception when HAPI cannot parse it
     */
    Message parse(String text) throws HL7Exception {
        return parser.parse(text);
    }
}
