package io.floodgate.kit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the project's root and each module's built runtime classpath. */
public final class ProjectLayout {
    private final Path root;

    private ProjectLayout(Path root) {
        this.root = root;
    }

    /** The nearest directory at or above the working directory that holds the Floodgate modules. */
    public static ProjectLayout locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("gateway/pom.xml")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return new ProjectLayout(d);
            }
        }
        throw new IllegalStateException("not inside a Floodgate checkout: " + dir);
    }

    public Path root() {
        return root;
    }

    /** The module's classes followed by its runtime dependencies, as written by the build. */
    public String classpath(FloodgateService service) {
        Path target = root.resolve(service.module()).resolve("target");
        Path file = target.resolve("runtime-classpath.txt");
        Optional<String> deps = read(file);
        if (deps.isEmpty() || !Files.isDirectory(target.resolve("classes"))) {
            throw new IllegalStateException(service.module() + " is not built (" + file
                    + " missing): run ./mvnw -DskipTests package first");
        }
        return target.resolve("classes") + java.io.File.pathSeparator + deps.get().trim();
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
