package io.admitto.ingest.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Splits X12 text into transaction sets with StAEDI's {@link EDIStreamReader}, which detects the
 * delimiters from the ISA and validates the envelopes against its X12 control schema: ISA/IEA, GS/GE
 * and ST/SE counts and control numbers, and the code values of the envelope segments.
 *
 * <p>A fault inside a transaction (SE01 count, SE02 control number…) marks that transaction only; a
 * fault in a group or interchange trailer becomes one {@link X12Fault} for that envelope, and the
 * transactions it carries are still handed on, each having passed its own ST/SE check. A syntax error
 * stops StAEDI for good, so the reader reports the unit it was in and starts again at the next ST of the
 * same interchange (re-sending the ISA and GS headers in front of it) or at the next ISA: one broken
 * transaction never loses the good ones after it.
 *
 * <p>Not thread-safe per call, but holds no state between calls.
 */
public final class X12Reader {
    /** What the reader hands on. */
    public interface Handler {
        void transaction(X12Transaction transaction);

        void fault(X12Fault fault);
    }

    private final EDIInputFactory factory;

    public X12Reader() {
        this.factory = EDIInputFactory.newFactory();
        // envelopes are validated (the default, stated here because the whole design relies on it)
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, true);
        // line breaks after each segment terminator are common in files; they are not data
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
    }

    /** Reads all of {@code text}, handing every transaction and every fault to {@code handler}. */
    public void read(String text, Handler handler) {
        requireNonNull(text, "text is null");
        requireNonNull(handler, "handler is null");
        int start = firstNonBlank(text);
        if (start == text.length()) {
            handler.fault(new X12Fault("whole file", "the file is empty: no X12 interchange (ISA) in it", text));
            return;
        }
        Resume resume = new Resume(start, "");
        while (resume != null) {
            resume = new Pass(text, resume).run(handler);
        }
    }

    private static int firstNonBlank(String text) {
        int index = 0;
        while (index < text.length() && (Character.isWhitespace(text.charAt(index)) || text.charAt(index) == '\uFEFF')) {
            index++;
        }
        return index;
    }

    /** Where the next pass starts in the file, and the envelope headers to put back in front of it. */
    private record Resume(int fileOffset, String prefix) {}

    /** One run of StAEDI, from a resume point to the end of the file or to a syntax error. */
    private final class Pass {
        private final String text;
        private final int fileStart;
        private final String prefix;
        private final String input;

        private int lastSegmentEnd;
        private int passSegmentStart;
        private int segmentStart;
        private String segmentTag;
        private List<List<List<String>>> elements;
        private int segmentPosition;

        private String elementSeparator;
        private String segmentTerminator;
        private String isaText;
        private String gsText;
        private X12Interchange interchange;
        private int interchangeStart = -1;
        private final List<String> interchangeFaults = new ArrayList<>();
        private X12Group group;
        private int groupStart = -1;
        private final List<String> groupFaults = new ArrayList<>();
        private boolean inTransaction;
        private int transactionStart = -1;
        private List<X12Segment> transactionSegments;
        private final List<String> transactionFaults = new ArrayList<>();

        Pass(String text, Resume resume) {
            this.text = text;
            this.fileStart = resume.fileOffset();
            this.prefix = resume.prefix();
            this.input = prefix + text.substring(fileStart);
        }

        /** @return where to start again after a syntax error, or null at the end of the file */
        Resume run(Handler handler) {
            EDIStreamReader reader;
            try {
                reader = factory.createEDIStreamReader(
                        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8.name());
            }
            catch (EDIStreamException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
            try {
                while (reader.hasNext()) {
                    EDIStreamEvent event = reader.next();
                    handle(event, reader, handler);
                }
                return null;
            }
            catch (Exception e) {
                // EDIStreamException for syntax errors; anything else StAEDI throws on malformed input is
                // treated the same way: this pass cannot go on, the input is at fault, not the program
                int offset = fileOffset(safeOffset(reader));
                return recover(offset, describe(e), handler);
            }
            finally {
                try {
                    reader.close();
                }
                catch (IOException | RuntimeException ignored) {
                    // reading from memory: nothing to release
                }
            }
        }

        private void handle(EDIStreamEvent event, EDIStreamReader reader, Handler handler) {
            switch (event) {
                case START_INTERCHANGE -> {
                    Map<String, Character> delimiters = reader.getDelimiters();
                    elementSeparator = String.valueOf(delimiters.getOrDefault(Delimiters.DATA_ELEMENT, '*'));
                    segmentTerminator = String.valueOf(delimiters.getOrDefault(Delimiters.SEGMENT, '~'));
                    interchangeFaults.clear();
                    interchange = null;
                    group = null;
                }
                case START_GROUP -> {
                    groupFaults.clear();
                    group = null;
                }
                case START_TRANSACTION -> {
                    inTransaction = true;
                    transactionSegments = new ArrayList<>();
                    transactionFaults.clear();
                    transactionStart = -1;
                }
                case START_SEGMENT -> {
                    passSegmentStart = lastSegmentEnd;
                    segmentStart = fileOffset(lastSegmentEnd);
                    segmentTag = reader.getText();
                    segmentPosition = reader.getLocation().getSegmentPosition();
                    elements = new ArrayList<>();
                }
                case ELEMENT_DATA -> addElement(reader.getLocation(), reader.getText());
                case END_SEGMENT -> {
                    lastSegmentEnd = reader.getLocation().getCharacterOffset();
                    endSegment(handler);
                }
                case END_TRANSACTION -> endTransaction(handler);
                case END_GROUP -> endGroup(handler);
                case END_INTERCHANGE -> endInterchange(handler);
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> fault(reader);
                default -> {
                    // composites are rebuilt from component positions; binary elements do not occur in these guides
                }
            }
        }

        private void addElement(Location location, String value) {
            int position = Math.max(1, location.getElementPosition());
            int occurrence = Math.max(1, location.getElementOccurrence());
            int component = location.getComponentPosition();
            while (elements.size() < position) {
                elements.add(new ArrayList<>());
            }
            List<List<String>> repetitions = elements.get(position - 1);
            while (repetitions.size() < occurrence) {
                repetitions.add(new ArrayList<>());
            }
            List<String> components = repetitions.get(occurrence - 1);
            int index = component < 1 ? 1 : component;
            while (components.size() < index) {
                components.add("");
            }
            components.set(index - 1, value);
        }

        private void endSegment(Handler handler) {
            List<X12Element> built = new ArrayList<>(elements.size());
            for (List<List<String>> repetitions : elements) {
                if (repetitions.isEmpty()) {
                    built.add(X12Element.empty());
                }
                else if (repetitions.size() == 1 && repetitions.get(0).size() == 1) {
                    // most elements are simple: no copying of nested lists for them
                    String value = repetitions.get(0).get(0);
                    built.add(value.isEmpty() ? X12Element.empty() : X12Element.simple(value));
                }
                else {
                    built.add(X12Element.of(normalize(repetitions)));
                }
            }
            int start = segmentStart;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            int end = Math.max(start, fileOffset(lastSegmentEnd));
            X12Segment segment = new X12Segment(segmentTag, built, segmentPosition, start, end);
            switch (segmentTag) {
                case "ISA" -> {
                    interchangeStart = start;
                    isaText = passText();
                    interchange = new X12Interchange(segment.value(6).trim(), segment.value(8).trim(),
                            segment.value(9), segment.value(10), segment.value(13), segment.value(15));
                }
                case "GS" -> {
                    groupStart = start;
                    gsText = passText();
                    group = new X12Group(segment.value(1), segment.value(2), segment.value(3), segment.value(4),
                            segment.value(5), segment.value(6), segment.value(8));
                }
                default -> {
                    if (inTransaction) {
                        if (transactionSegments.isEmpty()) {
                            transactionStart = start;
                        }
                        transactionSegments.add(segment);
                    }
                }
            }
        }

        private List<List<String>> normalize(List<List<String>> repetitions) {
            for (List<String> components : repetitions) {
                if (components.isEmpty()) {
                    components.add("");
                }
            }
            return repetitions;
        }

        /** The segment just read, from this pass's input: re-sent headers are not in the file at that offset. */
        private String passText() {
            int end = Math.min(lastSegmentEnd, input.length());
            return input.substring(Math.min(passSegmentStart, end), end).strip();
        }

        private String segmentText(int start, int end) {
            return end <= text.length() && start <= end ? text.substring(start, end) : "";
        }

        private void fault(EDIStreamReader reader) {
            Location location = reader.getLocation();
            String value = reader.hasText() ? reader.getText() : "";
            if (!prefix.isEmpty() && "GE".equals(location.getSegmentTag())
                    && reader.getErrorType().name().equals("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT")) {
                // this pass resumed after a broken transaction, which was reported already: GE01 counts it
                return;
            }
            String message = describe(reader.getErrorType().name(), location, value, reader.getReferenceCode());
            if (inTransaction) {
                transactionFaults.add(message);
            }
            else if (group != null || "GS".equals(location.getSegmentTag()) || "GE".equals(location.getSegmentTag())) {
                groupFaults.add(message);
            }
            else {
                interchangeFaults.add(message);
            }
        }

        private void endTransaction(Handler handler) {
            inTransaction = false;
            if (transactionSegments.isEmpty()) {
                return;
            }
            X12Segment st = transactionSegments.get(0);
            X12Segment last = transactionSegments.get(transactionSegments.size() - 1);
            String implementation = st.value(3).isEmpty() ? currentGroup().version() : st.value(3);
            handler.transaction(new X12Transaction(currentInterchange(), currentGroup(), st.value(1), st.value(2),
                    implementation, transactionSegments, transactionFaults, segmentText(transactionStart, last.end())));
        }

        private void endGroup(Handler handler) {
            if (!groupFaults.isEmpty()) {
                handler.fault(new X12Fault(currentInterchange().describe() + " / " + currentGroup().describe(),
                        "functional group envelope: " + String.join("; ", groupFaults)
                                + " (its transactions were read, each checked against its own ST/SE)",
                        envelopeText(groupStart)));
            }
            groupFaults.clear();
            group = null;
            gsText = null;
        }

        private void endInterchange(Handler handler) {
            if (!interchangeFaults.isEmpty()) {
                handler.fault(new X12Fault(currentInterchange().describe(),
                        "interchange envelope: " + String.join("; ", interchangeFaults)
                                + " (its transactions were read, each checked against its own ST/SE)",
                        envelopeText(interchangeStart)));
            }
            interchangeFaults.clear();
            interchange = null;
            isaText = null;
        }

        /** The header segment and the trailer just read: the envelope itself, not everything inside it. */
        private String envelopeText(int headerStart) {
            int end = Math.min(text.length(), fileOffset(lastSegmentEnd));
            int headerEnd = text.indexOf(segmentTerminator == null ? "~" : segmentTerminator, Math.max(0, headerStart));
            if (headerStart < 0 || headerEnd < 0 || headerEnd >= end) {
                return segmentText(Math.max(0, Math.min(headerStart, end)), end);
            }
            int trailerStart = trailerStart(end);
            return text.substring(headerStart, headerEnd + 1) + "\n…\n" + text.substring(trailerStart, end).strip();
        }

        private int trailerStart(int end) {
            int index = end - 1;
            // skip the trailer's own terminator, then find the one before it
            int previous = text.lastIndexOf(segmentTerminator, index - 1);
            return previous < 0 ? 0 : previous + 1;
        }

        private X12Interchange currentInterchange() {
            return interchange != null ? interchange : new X12Interchange("?", "?", "", "", "?", "");
        }

        private X12Group currentGroup() {
            return group != null ? group : new X12Group("?", "", "", "", "", "?", "");
        }

        private Resume recover(int offset, String message, Handler handler) {
            Resume next = nextResume(offset);
            int payloadEnd = next == null ? text.length() : next.fileOffset();
            if (inTransaction) {
                int start = transactionStart >= 0 ? transactionStart : segmentStart;
                String where = currentInterchange().describe() + " / " + currentGroup().describe() + " / transaction "
                        + (transactionSegments.isEmpty() ? "?" : transactionSegments.get(0).value(1) + " #"
                        + transactionSegments.get(0).value(2)) + " at character " + offset;
                handler.fault(new X12Fault(where, "X12 syntax error, the transaction is not mapped: " + message,
                        slice(start, payloadEnd)));
            }
            else if (interchange != null || isaText != null) {
                handler.fault(new X12Fault(currentInterchange().describe() + " at character " + offset,
                        "X12 syntax error in the envelope: " + message, slice(Math.min(segmentStart, offset), payloadEnd)));
            }
            else {
                handler.fault(new X12Fault("character " + offset,
                        "not X12 here (an interchange must start with ISA): " + message, slice(fileStart, payloadEnd)));
            }
            return next;
        }

        private String slice(int from, int to) {
            int start = Math.max(0, Math.min(from, text.length()));
            int end = Math.max(start, Math.min(to, text.length()));
            return text.substring(start, end);
        }

        /** The next ST of the same interchange (with its headers re-sent), else the next ISA; always past this pass's start. */
        private Resume nextResume(int offset) {
            int from = Math.max(offset, fileStart + 1);
            int nextIsa = text.indexOf("ISA", from);
            if (isaText != null && elementSeparator != null && segmentTerminator != null) {
                int nextSt = nextSegment("ST" + elementSeparator, from);
                if (nextSt >= 0 && (nextIsa < 0 || nextSt < nextIsa)) {
                    String headers = isaText.strip() + "\n" + (gsText != null ? gsText.strip() + "\n" : "");
                    return new Resume(nextSt, headers);
                }
            }
            return nextIsa < 0 ? null : new Resume(nextIsa, "");
        }

        private int nextSegment(String tagAndSeparator, int from) {
            int index = text.indexOf(segmentTerminator + tagAndSeparator, Math.max(0, from - 1));
            int lenient = index;
            if (index < 0) {
                // a line break often follows the terminator
                lenient = text.indexOf(segmentTerminator + "\n" + tagAndSeparator, Math.max(0, from - 1));
                if (lenient < 0) {
                    lenient = text.indexOf(segmentTerminator + "\r\n" + tagAndSeparator, Math.max(0, from - 1));
                }
            }
            if (lenient < 0) {
                return -1;
            }
            int start = text.indexOf(tagAndSeparator, lenient);
            return start > fileStart ? start : -1;
        }

        /** Converts an offset in this pass's input (which may begin with re-sent headers) to one in the file. */
        private int fileOffset(int passOffset) {
            int inFile = passOffset - prefix.length();
            return inFile < 0 ? fileStart : Math.min(text.length(), fileStart + inFile);
        }

        private int safeOffset(EDIStreamReader reader) {
            try {
                return Math.max(0, reader.getLocation().getCharacterOffset());
            }
            catch (RuntimeException e) {
                return lastSegmentEnd;
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String describe(String error, Location location, String value, String referenceCode) {
        String where = location.getSegmentTag() + (location.getElementPosition() > 0
                ? String.format("%02d", location.getElementPosition()) : "");
        return switch (error) {
            case "CONTROL_REFERENCE_MISMATCH" -> where + " control number '" + value + "' does not match its header";
            case "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT" -> where + " count '" + value + "' does not match the actual count";
            default -> where + " " + error.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (value.isEmpty() ? "" : " ('" + value + "')")
                    + (referenceCode == null ? "" : " [element " + referenceCode + "]");
        };
    }
}
