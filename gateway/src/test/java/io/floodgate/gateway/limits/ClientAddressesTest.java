package io.floodgate.gateway.limits;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressesTest {
    private static ClientAddresses trusting(String... proxies) {
        return new ClientAddresses(settings(proxies), null);
    }

    private static LimitSettings settings(String... proxies) {
        return new LimitSettings(50, 2, 500, 10, 5000, 20000, List.of(proxies));
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

    @Test
    void aPrefixLongerThanTheAddressIsRefusedAtStartupNamingTheSetting() {
        for (String range : List.of("10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/eight", "fd00::/129", "1.2.3.4.5",
                "gateway.example")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trusting(range), range);
            assertTrue(e.getMessage().contains("floodgate.gateway.limits.trusted-proxies"), e.getMessage());
        }
    }

    @Test
    void widestAndNarrowestPrefixesMatch() {
        assertEquals("203.0.113.1", trusting("0.0.0.0/0").resolve("198.51.100.9", List.of("203.0.113.1")));
        assertEquals("203.0.113.1", trusting("10.0.0.7/32").resolve("10.0.0.7", List.of("203.0.113.1")));
        assertEquals("10.0.0.8", trusting("10.0.0.7/32").resolve("10.0.0.8", List.of("203.0.113.1")));
    }

    @Test
    void theOldClientAddressHeaderSettingWithoutTrustedProxiesStopsTheGateway() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ClientAddresses(settings(), "X-Forwarded-For"));
        assertTrue(e.getMessage().contains("floodgate.gateway.limits.trusted-proxies"), e.getMessage());
        new ClientAddresses(settings("10.0.0.0/8"), "X-Forwarded-For"); // declared proxies: the old key is harmless
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertEquals(ClientAddresses.bucket("2001:db8:1:2::1"), ClientAddresses.bucket("2001:db8:1:2:ffff::9"));
        assertEquals("2001:db8:1:2::/64", ClientAddresses.bucket("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("203.0.113.9", ClientAddresses.bucket("203.0.113.9"));
    }
}
