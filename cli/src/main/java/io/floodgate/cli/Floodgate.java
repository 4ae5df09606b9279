package io.floodgate.cli;

import java.util.Arrays;

/** The {@code floodgate} command. */
public final class Floodgate {
    private Floodgate() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "run" -> RunCommand.main(rest);
            case "help", "-h", "--help" -> usage(0);
            default -> {
                System.err.println("unknown command: " + command);
                usage(2);
            }
        }
    }

    private static void usage(int status) {
        System.out.println("""
                usage: ./floodgate <command>

                  run    start the whole system locally: a Kafka broker, PostgreSQL and the four
                         services, with a demo sale loaded; data is kept in .floodgate/. Ctrl-C stops it.
                """);
        System.exit(status);
    }
}
