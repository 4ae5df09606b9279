package io.floodgate.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    private static final Map<String, String> VALUED = Map.of("--kafka", "127.0.0.1:9092", "--from", "");

    @Test
    void positionalsValuesDefaultsAndSwitches() throws UsageException {
        Options o = Options.parse(List.of("demo", "--from", "x.jsonl", "--json"), VALUED, Set.of("--json"));
        assertEquals(List.of("demo"), o.positionals());
        assertEquals("x.jsonl", o.get("--from"));
        assertEquals("127.0.0.1:9092", o.get("--kafka"), "the default");
        assertTrue(o.given("--kafka") && o.given("--from") && o.has("--json"));
        assertFalse(Options.parse(List.of(), VALUED, Set.of()).given("--from"), "no value and no default");
    }

    @Test
    void unknownOptionsAndMissingValuesAreUsageErrors() {
        assertEquals("unknown option --frm", assertThrows(UsageException.class,
                () -> Options.parse(List.of("--frm", "x"), VALUED, Set.of())).getMessage());
        assertEquals("--kafka needs a value", assertThrows(UsageException.class,
                () -> Options.parse(List.of("demo", "--kafka"), VALUED, Set.of())).getMessage());
    }
}
