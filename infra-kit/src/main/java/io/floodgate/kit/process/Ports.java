package io.floodgate.kit.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for tests. Chosen below Linux's ephemeral range (32768 and up): a port the
 * system hands out for port 0 can be taken by any outgoing connection before a child process
 * binds it, and a test stack makes many outgoing connections.
 */
public final class Ports {
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;

    private Ports() {
    }

    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
    }
}
