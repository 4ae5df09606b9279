package io.floodgate.system;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Polls until something is true, as a buyer's page would, within a bound. */
final class Await {
    static final Duration PATIENCE = Duration.ofSeconds(45);

    private Await() {
    }

    static <T> T until(String what, Supplier<T> call, Predicate<T> done) {
        return until(what, PATIENCE, call, done);
    }

    static <T> T until(String what, Duration patience, Supplier<T> call, Predicate<T> done) {
        Instant deadline = Instant.now().plus(patience);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            sleep(Duration.ofMillis(200));
        }
        return fail("not " + what + " after " + patience + "; last: " + last);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
