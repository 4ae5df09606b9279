package io.floodgate.gateway.limits;

import io.floodgate.gateway.api.ApiError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class LoadShedderTest {
    private final LoadShedder shedder = new LoadShedder(new LimitSettings(50, 2, 500, 10, 2, 1, List.of()));

    @Test
    void pastTheLimitRequestsAreShedAtOnceWithRetryAfterAndFinishedOnesMakeRoom() {
        HttpRequest<?> first = HttpRequest.GET("/api/sales/demo/status");
        HttpRequest<?> second = HttpRequest.GET("/api/sales/demo/status");
        HttpRequest<?> third = HttpRequest.GET("/api/sales/demo/status");

        assertNull(shedder.admit(first));
        assertNull(shedder.admit(second));
        HttpResponse<?> shed = shedder.admit(third);

        assertEquals(503, shed.getStatus().getCode());
        assertEquals("1", shed.getHeaders().get("Retry-After"));
        assertEquals("OVERLOADED", assertInstanceOf(ApiError.class, shed.getBody().orElseThrow()).error());
        assertEquals(2, shedder.inFlight(), "a shed request is not counted");

        shedder.done(first, (MutableHttpResponse<?>) HttpResponse.ok());
        shedder.done(third, (MutableHttpResponse<?>) shed);
        assertEquals(1, shedder.inFlight(), "only counted requests are uncounted");
        assertNull(shedder.admit(HttpRequest.GET("/api/sales/demo/status")));
    }
}
