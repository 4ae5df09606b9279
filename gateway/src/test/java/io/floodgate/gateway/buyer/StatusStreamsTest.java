package io.floodgate.gateway.buyer;

import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.limits.LimitSettings;
import io.floodgate.gateway.limits.LoadShedder;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatusStreamsTest {
    private final LoadShedder shedder = new LoadShedder(new LimitSettings(50, 2, 500, 10, 5000, 1, List.of()));
    private final StatusStreams streams = new StatusStreams(shedder);

    @Test
    void aStreamBuiltButNeverSubscribedHoldsNoSlot() {
        for (int i = 0; i < 3; i++) {
            streams.follow("sale/gone" + i, Flux.never()); // the client left before the stream started
        }
        assertEquals(0, shedder.openStreams());
        assertEquals(List.of(1), streams.follow("sale/next", Flux.just(1)).collectList().block());
    }

    @Test
    void moreStreamsThanTheLimitOneAfterAnotherAreAllServed() {
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(i), streams.follow("sale/b" + i, Flux.just(i)).collectList().block());
        }
        assertEquals(0, shedder.openStreams());
    }

    @Test
    void aStreamBeyondTheLimitIsRefusedAndTakesNothing() {
        var open = streams.follow("sale/first", Flux.never()).subscribe();
        assertThrows(ApiException.class, () -> streams.follow("sale/second", Flux.just(1)));
        assertEquals(1, shedder.openStreams());
        open.dispose();
        assertEquals(0, shedder.openStreams());
    }
}
