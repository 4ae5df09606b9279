package io.floodgate.audit.log;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Tells a person how far a long read has come: after the first three seconds, one line a second,
 * on stderr, so the report on stdout stays the same byte for byte. Short runs print nothing.
 */
public final class Progress {
    private static final long EVERY_NANOS = 1_000_000_000L;
    private static final long QUIET_NANOS = 3_000_000_000L;

    private final String what;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long last = started + QUIET_NANOS - EVERY_NANOS;
    private long done;
    private long total;
    private boolean printed;

    private Progress(String what, PrintStream out) {
        this.what = what;
        this.out = out;
    }

    public static Progress to(PrintStream out, String what) {
        return new Progress(what, out);
    }

    public static Progress silent() {
        return new Progress("", null);
    }

    /** What the whole run will come to, when it is known (0: unknown). */
    public Progress expecting(long total) {
        this.total = total;
        return this;
    }

    public void advance(long units) {
        reached(done + units);
    }

    /** The run has come to {@code done} units in all. */
    public void reached(long done) {
        this.done = done;
        long now = System.nanoTime();
        if (out != null && now - last >= EVERY_NANOS) {
            last = now;
            printed = true;
            out.println(line(now));
        }
    }

    /** Ends the run; prints a closing line if progress was shown at all. */
    public void finish() {
        if (printed) {
            out.println(line(System.nanoTime()) + " done");
        }
    }

    private String line(long now) {
        double seconds = (now - started) / 1e9;
        String share = total > 0 ? String.format(Locale.ROOT, " of %,d (%d%%)", total, Math.min(100, done * 100 / total)) : "";
        return String.format(Locale.ROOT, "  %s: %,d%s, %.1f s", what, done, share, seconds);
    }
}
