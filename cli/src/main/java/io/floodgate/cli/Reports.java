package io.floodgate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.floodgate.contracts.json.EventJson;

/** Reports as JSON: the event conventions, indented with '\n' on every platform, so a report's bytes depend on the log alone. */
public final class Reports {
    private static final ObjectWriter JSON = EventJson.mapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Reports() {
    }

    public static String json(Object report) throws JsonProcessingException {
        return JSON.writeValueAsString(report) + "\n";
    }
}
