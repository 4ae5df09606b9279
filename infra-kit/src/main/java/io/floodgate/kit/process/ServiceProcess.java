package io.floodgate.kit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM, as it would in production. Output goes to a log file. */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final FloodgateService service;
    private final int port;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(FloodgateService service, int port, Path logFile, Process process) {
        this.service = service;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts {@code service} listening on {@code port}, configured only through {@code env}
     * (the same variables an operator would set; see docs/configuration.md).
     */
    public static ServiceProcess start(ProjectLayout layout, FloodgateService service, int port,
                                       Map<String, String> env, List<String> jvmOptions, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(layout.classpath(service));
        command.add(service.mainClass());
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(layout.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            return new ServiceProcess(service, port, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module(), e);
        }
    }

    public FloodgateService service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /health} answers 200; fails fast, with the log's tail, if the process dies. */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue()
                        + "; last log lines:\n" + logTail(40));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(service.module() + " not healthy after " + timeout
                + "; last log lines:\n" + logTail(40));
    }

    /** Kills the process without letting it clean up, like a crash or kill -9. */
    public void halt() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** Asks the process to stop (SIGTERM, so shutdown hooks run), then kills it if it lingers. */
    @Override
    public void close() {
        process.destroy();
        if (!waitFor(Duration.ofSeconds(30))) {
            halt();
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
