package io.floodgate.cli;

import java.io.PrintStream;
import java.util.List;

/** A subcommand of {@code floodgate} that reports to streams and returns its exit status, so tests run it as people do. */
public interface Command {
    /** How to call it, shown with a usage error. */
    String usage();

    /** Exit status: 0 done and all is well, 1 done and the report found problems, 2 the request was wrong. */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;

    /** Runs {@code command}, turning a usage error, an unreadable input or an unreachable system into a message and status 2. */
    static int runReporting(Command command, List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.println("usage: " + command.usage());
            return 0;
        }
        try {
            return command.run(args, out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: " + command.usage());
            return 2;
        } catch (java.io.IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // An unreachable broker or database, a malformed address: the request cannot be done.
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 2;
        }
    }
}
