package io.floodgate.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.floodgate.contracts.json.EventJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpJsonConventionsTest {
    record Body(String text, Integer count, Double share, Boolean flag, List<String> names, Instant at) {
    }

    private final ObjectMapper http = HttpJsonConventions.strict(EventJson.configure(JsonMapper.builder().build()));

    @Test
    void valuesOfTheirOwnTypeAreRead() throws Exception {
        Body body = http.readValue("""
                {"text":"a","count":2,"share":1,"flag":true,"names":["x"],"at":"2026-12-01T10:00:00Z","extra":1}""",
                Body.class);
        assertEquals(new Body("a", 2, 1.0, true, List.of("x"), Instant.parse("2026-12-01T10:00:00Z")), body);
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefusedNotConverted() {
        for (String json : List.of("{\"text\":[\"zed\"]}", "{\"text\":42}", "{\"text\":true}", "{\"count\":1.5}",
                "{\"count\":\"2\"}", "{\"count\":true}", "{\"share\":\"0.5\"}", "{\"flag\":1}", "{\"flag\":\"true\"}",
                "{\"names\":\"x\"}")) {
            assertThrows(MismatchedInputException.class, () -> http.readValue(json, Body.class), json);
        }
    }

    @Test
    void eventsKeepTheirTolerantReading() throws Exception {
        assertEquals(2, EventJson.mapper().readValue("{\"count\":\"2\"}", Body.class).count());
    }
}
