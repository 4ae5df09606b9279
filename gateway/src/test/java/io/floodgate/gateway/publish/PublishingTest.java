package io.floodgate.gateway.publish;

import io.floodgate.gateway.api.ApiException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublishingTest {
    private static ApiException refusal(Throwable failure) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> Publishing.attempt(() -> CompletableFuture.failedFuture(failure)).join());
        return assertInstanceOf(ApiException.class, e.getCause());
    }

    @Test
    void aRecordTooLargeForKafkaIsTheCallers413NotA503() {
        ApiException refused = refusal(new RecordTooLargeException("too large"));
        assertEquals(413, refused.status().getCode());
        assertEquals("REQUEST_ENTITY_TOO_LARGE", refused.toError().error());
    }

    @Test
    void kafkaAwayOrTooSlowIsA503WithRetryAfter() {
        for (Throwable failure : new Throwable[] {new TimeoutException("expired"),
                new java.util.concurrent.TimeoutException()}) {
            ApiException refused = refusal(failure);
            assertEquals(503, refused.status().getCode());
            assertEquals("2", refused.toResponse().getHeaders().get("Retry-After"));
        }
    }
}
