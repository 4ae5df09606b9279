package io.floodgate.gateway.tokens;

import io.floodgate.gateway.api.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokensTest {
    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");
    private final Tokens tokens = new Tokens(new TokenSettings(Optional.of("test-secret")),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aGenuineTicketReadsBack() {
        VisitorTicket ticket = new VisitorTicket("demo", "alice", 7, "corr");

        assertEquals(ticket, tokens.ticket(tokens.issue(ticket), "demo"));
    }

    @Test
    void aForgedTicketIsRefused() {
        String genuine = tokens.issue(new VisitorTicket("demo", "alice", 7000, "corr"));
        String forgedClaims = tokens.issue(new VisitorTicket("demo", "alice", 1, "corr")).split("\\.")[0];

        assertCode("INVALID_TOKEN", 401, () -> tokens.ticket(forgedClaims + "." + genuine.split("\\.")[1], "demo"));
        assertCode("INVALID_TOKEN", 401, () -> tokens.ticket("not-a-token", "demo"));
    }

    @Test
    void aTicketSignedWithAnotherSecretIsRefused() {
        Tokens other = new Tokens(new TokenSettings(Optional.of("other-secret")), Clock.fixed(NOW, ZoneOffset.UTC));

        assertCode("INVALID_TOKEN", 401, () -> tokens.ticket(other.issue(new VisitorTicket("demo", "a", 1, "c")), "demo"));
    }

    @Test
    void aTokenForAnotherSaleIsForbidden() {
        String pass = tokens.issue(new AdmissionPass("other", "alice", 1, "corr", NOW.plusSeconds(60)));

        assertCode("WRONG_SALE", 403, () -> tokens.pass(pass, "demo"));
    }

    @Test
    void anExpiredPassIsRefused() {
        String pass = tokens.issue(new AdmissionPass("demo", "alice", 1, "corr", NOW));

        assertCode("TOKEN_EXPIRED", 401, () -> tokens.pass(pass, "demo"));
    }

    @Test
    void aTicketIsNotAnAdmissionPass() {
        String ticket = tokens.issue(new VisitorTicket("demo", "alice", 1, "corr"));

        assertCode("INVALID_TOKEN", 401, () -> tokens.pass(ticket, "demo"));
        assertCode("MISSING_TOKEN", 401, () -> tokens.pass(null, "demo"));
    }

    private static void assertCode(String code, int status, Runnable call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(code, e.toError().error());
        assertEquals(status, e.toError().status());
    }
}
