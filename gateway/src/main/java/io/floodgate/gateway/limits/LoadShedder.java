package io.floodgate.gateway.limits;

import io.floodgate.gateway.api.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds buyer load early: past {@code maxInFlight} requests in progress, or {@code maxStreams}
 * status streams open, new ones get 503 with Retry-After at once instead of everyone slowing
 * down. A stream's request is answered (its headers sent) long before it ends, so streams are
 * counted apart, from their start to their end. Operator calls are not counted, so operators keep
 * control of an overloaded sale.
 */
@ServerFilter("/api/sales/**")
public class LoadShedder {
    private static final String COUNTED = LoadShedder.class.getName() + ".counted";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger streams = new AtomicInteger();
    private final int maxInFlight;
    private final int maxStreams;

    public LoadShedder(LimitSettings settings) {
        this.maxInFlight = settings.maxInFlight();
        this.maxStreams = settings.maxStreams();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> admit(HttpRequest<?> request) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return overloaded().toResponse();
        }
        request.setAttribute(COUNTED, Boolean.TRUE);
        return null;
    }

    @ResponseFilter
    public void done(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(COUNTED).isPresent()) {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Counts a status stream from now until the returned release runs (once is enough; more do
     * nothing); fails with 503 OVERLOADED if {@code maxStreams} are open.
     */
    public Runnable openStream() {
        if (streams.incrementAndGet() > maxStreams) {
            streams.decrementAndGet();
            throw overloaded();
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                streams.decrementAndGet();
            }
        };
    }

    /**
     * Fails with 503 OVERLOADED if {@code maxStreams} are open, taking nothing: while the answer's
     * status can still be chosen (a stream's slot is taken later, once it is sent).
     */
    public void checkStreamRoom() {
        if (streams.get() >= maxStreams) {
            throw overloaded();
        }
    }

    public int openStreams() {
        return streams.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    private static ApiException overloaded() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "OVERLOADED",
                "We are very busy right now; your place is kept. Please retry shortly.").retryAfter(1);
    }
}
