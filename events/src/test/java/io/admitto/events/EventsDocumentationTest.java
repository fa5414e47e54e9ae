package io.admitto.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/events.md is a contract for integrators: every example in it must be an event we accept. */
class EventsDocumentationTest {
    private static final Path DOC = Path.of("..", "docs", "events.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);

    private final EventJson json = new EventJson();

    @Test
    void everyJsonExampleIsAValidEvent() throws IOException {
        List<String> examples = jsonBlocks();
        assertThat(examples).isNotEmpty();
        for (String example : examples) {
            CanonicalEvent event = json.fromJson(example);
            assertThat(event.encounterId()).isNotBlank();
        }
    }

    @Test
    void everyEventTypeHasAnExample() throws IOException {
        Set<EventType> documented = EnumSet.noneOf(EventType.class);
        for (String example : jsonBlocks()) {
            documented.add(json.fromJson(example).eventType());
        }
        assertThat(documented).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void everyTopicIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        for (Topic topic : Topic.values()) {
            assertThat(doc).contains("`" + topic.topicName() + "`");
        }
    }

    private static List<String> jsonBlocks() throws IOException {
        Matcher matcher = JSON_BLOCK.matcher(Files.readString(DOC));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }
}
