package io.floodgate.gateway.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OriginFilterTest {
    @Test
    void behindATlsTerminatingProxyTheOwnOriginIsTheForwardedSchemeAndHost() {
        assertEquals("https://tickets.example",
                OriginFilter.ownOrigin(false, "gateway:8080", List.of("https"), List.of("tickets.example")));
        assertEquals("https://gateway:8080", OriginFilter.ownOrigin(false, "gateway:8080", List.of("https"), List.of()));
    }

    @Test
    void theNearestProxysForwardedValuesCount() {
        assertEquals("https://tickets.example", OriginFilter.ownOrigin(false, "gateway:8080",
                List.of("http, https"), List.of("evil.example", "tickets.example")));
    }

    @Test
    void withoutForwardedHeadersTheOwnOriginIsTheConnectionsSchemeAndHost() {
        assertEquals("http://gateway:8080", OriginFilter.ownOrigin(false, "gateway:8080", List.of(), List.of()));
        assertEquals("https://gateway:8443", OriginFilter.ownOrigin(true, "Gateway:8443", List.of(), List.of()));
    }

    @Test
    void configuredOriginsAreComparedTrimmedInLowerCaseWithoutTrailingSlash() {
        assertEquals("https://tickets.example", OriginFilter.normalised(" HTTPS://Tickets.Example/ "));
    }
}
