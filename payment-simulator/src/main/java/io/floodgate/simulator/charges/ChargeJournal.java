package io.floodgate.simulator.charges;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.contracts.json.EventJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the provider's record lives beyond the process, as a real provider's does: every change
 * to a charge appended as one JSON line, the last line of a charge its state. Read back on start,
 * when the file is also rewritten with one line per charge, so it grows with the charges, not with
 * the requests.
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

    /** The record kept in {@code file} (created with its folder if need be), opened after {@link #compact}. */
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

    /** Each charge's latest state in {@code file}, and the file rewritten to hold just those. */
    public static List<Charge> compact(Path file) {
        Map<String, Charge> latest = new LinkedHashMap<>();
        read(file).forEach(c -> latest.put(c.chargeId(), c));
        List<Charge> charges = List.copyOf(latest.values());
        if (!Files.exists(file)) {
            return charges;
        }
        Path rewritten = file.resolveSibling(file.getFileName() + ".tmp");
        try (ChargeJournal journal = at(rewritten)) {
            charges.forEach(journal::write);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the simulator's record " + file, e);
        }
        try {
            Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the simulator's record " + file, e);
        }
        return charges;
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
