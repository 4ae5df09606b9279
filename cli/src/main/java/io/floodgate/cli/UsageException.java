package io.floodgate.cli;

/** The command line asks for something the command cannot do: say why, do nothing, exit 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
