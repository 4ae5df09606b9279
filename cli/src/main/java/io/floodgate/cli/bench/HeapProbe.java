package io.floodgate.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Heap in use by another JVM after a full collection, asked with the JDK's own jcmd. */
public final class HeapProbe {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private HeapProbe() {
    }

    /** Live heap in MiB: a full GC first, so what remains is what the process really holds. */
    public static double liveMiB(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        long usedKb = 0;
        for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
            // Generations (Serial, Parallel) or the whole heap (G1); never Metaspace or class space.
            if (line.contains("generation") || line.contains("heap")) {
                Matcher m = USED.matcher(line);
                if (m.find()) {
                    usedKb += Long.parseLong(m.group(1));
                }
            }
        }
        return usedKb / 1024.0;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
