package io.floodgate.gateway.limits;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressesTest {
    private static ClientAddresses trusting(String... proxies) {
        return new ClientAddresses(new LimitSettings(50, 2, 500, 10, 5000, 20000, List.of(proxies)));
    }

    @Test
    void byDefaultForwardedHeadersAreIgnored() {
        assertEquals("203.0.113.9", trusting().resolve("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItForwards() {
        assertEquals("203.0.113.9", trusting("10.0.0.0/8").resolve("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightMostUntrustedHop() {
        ClientAddresses addresses = trusting("10.0.0.0/8", "127.0.0.1");
        // What the client wrote itself ("1.2.3.4", "spoof") stands left of what the proxies vouch for.
        assertEquals("198.51.100.7", addresses.resolve("127.0.0.1",
                List.of("1.2.3.4, spoof", "198.51.100.7, 10.1.2.3")));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertEquals("10.0.0.1", trusting("10.0.0.0/8").resolve("10.9.9.9", List.of("10.0.0.1, 10.0.0.2")));
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsItselfTheClient() {
        assertEquals("10.0.0.5", trusting("10.0.0.0/8").resolve("10.0.0.5", List.of()));
    }

    @Test
    void rangesMatchByPrefixForBothFamilies() {
        ClientAddresses addresses = trusting("192.168.4.0/22", "fd00::/8");
        assertEquals("203.0.113.1", addresses.resolve("192.168.7.255", List.of("203.0.113.1")));
        assertEquals("192.168.8.1", addresses.resolve("192.168.8.1", List.of("203.0.113.1")));
        assertEquals("203.0.113.2", addresses.resolve("fd12:3456::1", List.of("203.0.113.2")));
    }
}
