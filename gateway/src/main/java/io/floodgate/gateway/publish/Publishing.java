package io.floodgate.gateway.publish;

import io.floodgate.gateway.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Turns a failure to publish into an explicit "nothing happened, retry" answer. */
public final class Publishing {
    private static final Logger LOG = LoggerFactory.getLogger(Publishing.class);

    private Publishing() {
    }

    public static <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> publish) {
        try {
            return publish.get().exceptionallyCompose(Publishing::unavailable);
        } catch (RuntimeException e) {
            return unavailable(e);
        }
    }

    private static <T> CompletableFuture<T> unavailable(Throwable cause) {
        LOG.warn("could not publish: {}", cause.toString());
        return CompletableFuture.failedFuture(ApiException.unavailable());
    }
}
