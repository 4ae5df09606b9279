package io.floodgate.contracts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/events.md is the public contract: every topic and every event type must be in it. */
class CatalogueDocumentedTest {
    @Test
    void everyTopicAndEventTypeIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        List<String> missing = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            if (!doc.contains("## `" + topic.name() + "`")) {
                missing.add("topic " + topic.name());
            }
            for (Class<?> type : topic.eventType().getPermittedSubclasses()) {
                if (!doc.contains("### `" + type.getSimpleName() + "`")) {
                    missing.add("event " + type.getSimpleName() + " of " + topic.name());
                }
            }
        }
        assertEquals(List.of(), missing, "missing from docs/events.md");
    }
}
