package io.admitto.ingest.hl7;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Hl7MessageSplitterTest {
    private static final String FIRST = "MSH|^~\\&|A|F|||20260302||ADT^A04|1|P|2.5";
    private static final String SECOND = "MSH|^~\\&|A|F|||20260302||ADT^A08|2|P|2.5";

    @Test
    void crLfAndCrlfSeparatorsAllYieldCrSeparatedSegments() throws IOException {
        for (String separator : List.of("\r", "\n", "\r\n")) {
            List<RawHl7Message> messages = split(FIRST + separator + "PID|1" + separator + SECOND + separator + "PV1|1|O" + separator);

            assertThat(messages).extracting(RawHl7Message::text)
                    .as("separator %s", separator.replace("\r", "CR").replace("\n", "LF"))
                    .containsExactly(FIRST + "\rPID|1\r", SECOND + "\rPV1|1|O\r");
            assertThat(messages.get(1).segmentLines()).containsExactly(3, 4);
        }
    }

    @Test
    void mllpFramingLeftInAFileIsDropped() throws IOException {
        List<RawHl7Message> messages = split("\u000b" + FIRST + "\rPID|1\r\u001c\r\u000b" + SECOND + "\r\u001c\r");

        assertThat(messages).extracting(RawHl7Message::text).containsExactly(FIRST + "\rPID|1\r", SECOND + "\r");
    }

    @Test
    void batchEnvelopesAndBlankLinesAreSkipped() throws IOException {
        List<RawHl7Message> messages = split("FHS|^~\\&\nBHS|^~\\&\n\n" + FIRST + "\n\n  \nPID|1\nBTS|1\nFTS|1\n");

        assertThat(messages).extracting(RawHl7Message::text).containsExactly(FIRST + "\rPID|1\r");
        assertThat(messages.get(0).segmentLines()).containsExactly(4, 7);
    }

    @Test
    void textBeforeTheFirstMshIsHandedOnAsItsOwnMessage() throws IOException {
        List<RawHl7Message> messages = split("garbage line\n" + FIRST + "\n");

        assertThat(messages).extracting(RawHl7Message::text).containsExactly("garbage line\r", FIRST + "\r");
        assertThat(messages).extracting(RawHl7Message::index).containsExactly(1, 2);
    }

    @Test
    void aMessageLongerThanTheLimitIsCutAndMarked() throws IOException {
        List<RawHl7Message> messages = split(FIRST + "\rNTE|" + "x".repeat(500) + "\r" + SECOND + "\r", 128);

        assertThat(messages).extracting(RawHl7Message::truncated).containsExactly(true, false);
        assertThat(messages.get(0).text().length()).isLessThanOrEqualTo(128);
    }

    @Test
    void eachMessageIsDecodedInTheCharsetItsMsh18Names() throws IOException {
        byte[] latin1 = (FIRST + "|||||8859/1\rPID|1||||Müller\r").getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = (SECOND + "|||||UNICODE UTF-8\rPID|1||||Müller\r").getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[latin1.length + utf8.length];
        System.arraycopy(latin1, 0, both, 0, latin1.length);
        System.arraycopy(utf8, 0, both, latin1.length, utf8.length);

        List<RawHl7Message> messages = new ArrayList<>();
        new Hl7MessageSplitter(1 << 20, messages::add).split(new ByteArrayInputStream(both));

        assertThat(messages).allSatisfy(message -> assertThat(message.text()).contains("Müller"));
    }

    private static List<RawHl7Message> split(String text) throws IOException {
        return split(text, 1 << 20);
    }

    private static List<RawHl7Message> split(String text, int maxMessageBytes) throws IOException {
        List<RawHl7Message> messages = new ArrayList<>();
        new Hl7MessageSplitter(maxMessageBytes, messages::add).split(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return messages;
    }
}
