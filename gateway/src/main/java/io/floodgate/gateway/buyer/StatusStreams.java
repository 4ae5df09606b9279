package io.floodgate.gateway.buyer;

import io.floodgate.gateway.limits.LoadShedder;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live status streams: at most one per visitor ticket (its sale and buyer), so a buyer cannot
 * hold open more than one however often they reconnect; a new stream ends the old one (whose page
 * then polls). Each open stream counts towards load shedding until it ends.
 */
@Singleton
public final class StatusStreams {
    private final Map<String, Sinks.One<Boolean>> live = new ConcurrentHashMap<>();
    private final LoadShedder shedder;

    public StatusStreams(LoadShedder shedder) {
        this.shedder = shedder;
    }

    /**
     * {@code stream}, ended when another stream for {@code ticketKey} starts; 503 if too many are
     * open. The slot is taken when the stream is subscribed and released when it ends, so a stream
     * built but never subscribed (its client gone first) holds nothing. Room is checked first as
     * well, while the answer can still be a 503.
     */
    public <T> Flux<T> follow(String ticketKey, Flux<T> stream) {
        shedder.checkStreamRoom();
        return Flux.defer(() -> {
            Runnable release = shedder.openStream();
            Sinks.One<Boolean> replaced = Sinks.one();
            Sinks.One<Boolean> previous = live.put(ticketKey, replaced);
            if (previous != null) {
                previous.tryEmitValue(true);
            }
            return stream.takeUntilOther(replaced.asMono())
                    .doFinally(signal -> {
                        live.remove(ticketKey, replaced);
                        release.run();
                    });
        });
    }
}
