package io.floodgate.simulator.charges;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.contracts.json.EventJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the provider's record lives beyond the process, as a real provider's does: every change
 * to a charge appended as one JSON line, the last line of a charge its state. Read back on start.
 */
public final class ChargeJournal implements AutoCloseable {
    private static final ObjectMapper JSON = EventJson.mapper();

    private final BufferedWriter out;

    private ChargeJournal(BufferedWriter out) {
        this.out = out;
    }

    /** A record that lasts as long as the process. */
    public static ChargeJournal none() {
        return new ChargeJournal(null);
    }

    /** The record kept in {@code file} (created with its folder if need be). */
    public static ChargeJournal at(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return new ChargeJournal(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the simulator's record " + file, e);
        }
    }

    /** Every line of {@code file}, oldest first; a torn last line (a crash while writing) is skipped. */
    public static List<Charge> read(Path file) {
        List<Charge> charges = new ArrayList<>();
        if (!Files.exists(file)) {
            return charges;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        charges.add(JSON.readValue(line, Charge.class));
                    } catch (IOException torn) {
                        // only the last line can be incomplete; what came before it stands
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's record " + file, e);
        }
        return charges;
    }

    /** Written through before the answer goes out, so an answer given is never forgotten. */
    void write(Charge charge) {
        if (out == null) {
            return;
        }
        try {
            out.write(JSON.writeValueAsString(charge));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator's record", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
