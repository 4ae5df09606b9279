package io.floodgate.gateway.tokens;

import io.floodgate.gateway.api.ApiException;
import org.junit.jupiter.api.Test;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SaleResumed;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.contracts.sale.SectionConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokensTest {
    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");
    private final Tokens tokens = new Tokens(new TokenSettings(Optional.of("test-secret"), List.of()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aGenuineTicketReadsBack() {
        VisitorTicket ticket = new VisitorTicket("demo", "alice", 7, null, "corr");

        assertEquals(ticket, tokens.ticket(tokens.issue(ticket), "demo"));
    }

    @Test
    void aForgedTicketIsRefused() {
        String genuine = tokens.issue(new VisitorTicket("demo", "alice", 7000, null, "corr"));
        String forgedClaims = tokens.issue(new VisitorTicket("demo", "alice", 1, null, "corr")).split("\\.")[0];

        assertCode("INVALID_TOKEN", 401, () -> tokens.ticket(forgedClaims + "." + genuine.split("\\.")[1], "demo"));
        assertCode("INVALID_TOKEN", 401, () -> tokens.ticket("not-a-token", "demo"));
    }

    @Test
    void aTicketSignedWithAnotherSecretIsRefused() {
        Tokens other = new Tokens(new TokenSettings(Optional.of("other-secret"), List.of()), Clock.fixed(NOW, ZoneOffset.UTC));

        assertCode("INVALID_TOKEN", 401, () -> tokens.ticket(other.issue(new VisitorTicket("demo", "a", 1, null, "c")), "demo"));
    }

    @Test
    void anAnonymousIdentitySurvivesAKeyRotationAndExpires() {
        String identity = tokens.issue(new AnonymousIdentity("anon-a", NOW.plusSeconds(60)));
        Tokens rotated = new Tokens(new TokenSettings(Optional.of("new-secret"), List.of("test-secret")),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Tokens later = new Tokens(new TokenSettings(Optional.of("test-secret"), List.of()),
                Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));

        assertEquals("anon-a", rotated.identity(identity).orElseThrow().buyerId());
        assertEquals(Optional.empty(), later.identity(identity), "expired");
    }

    @Test
    void noOtherTokenPassesForAnAnonymousIdentity() {
        String ticket = tokens.issue(new VisitorTicket("demo", "alice", 7, null, "corr"));

        assertEquals(Optional.empty(), tokens.identity(ticket));
        assertEquals(Optional.empty(), tokens.identity("anon-alice"));
    }

    @Test
    void aRotatedKeyStillVerifiesUntilItIsDropped() {
        String oldTicket = tokens.issue(new VisitorTicket("demo", "alice", 7, null, "corr"));
        Tokens rotated = new Tokens(new TokenSettings(Optional.of("new-secret"), List.of("test-secret")),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Tokens dropped = new Tokens(new TokenSettings(Optional.of("new-secret"), List.of()),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(7, rotated.ticket(oldTicket, "demo").sequence());
        assertCode("INVALID_TOKEN", 401, () -> dropped.ticket(oldTicket, "demo"));
        String newTicket = rotated.issue(new VisitorTicket("demo", "bob", 8, null, "corr"));
        assertEquals(8, dropped.ticket(newTicket, "demo").sequence(), "new tokens are signed with the new key");
    }

    @Test
    void aTokenForAnotherSaleIsForbidden() {
        String pass = tokens.issue(new AdmissionPass("other", "alice", 1, "corr", NOW.plusSeconds(60), Duration.ZERO));

        assertCode("WRONG_SALE", 403, () -> tokens.pass(pass, sale("demo")));
    }

    @Test
    void anExpiredPassIsRefused() {
        String pass = tokens.issue(new AdmissionPass("demo", "alice", 1, "corr", NOW, Duration.ZERO));

        assertCode("TOKEN_EXPIRED", 401, () -> tokens.pass(pass, sale("demo")));
    }

    @Test
    void aTicketIsNotAnAdmissionPass() {
        String ticket = tokens.issue(new VisitorTicket("demo", "alice", 1, null, "corr"));

        assertCode("INVALID_TOKEN", 401, () -> tokens.pass(ticket, sale("demo")));
        assertCode("MISSING_TOKEN", 401, () -> tokens.pass(null, sale("demo")));
    }

    @Test
    void aPassDoesNotRunOutWhileTheSaleIsPaused() {
        String pass = tokens.issue(new AdmissionPass("demo", "alice", 1, "corr", NOW.minusSeconds(1), Duration.ZERO));
        SaleState paused = sale("demo").apply(new SalePaused(EventMeta.of("demo", "c", "x", NOW.minusSeconds(600)),
                "ops", "incident"));
        SaleState resumed = paused.apply(new SaleResumed(EventMeta.of("demo", "c", "x", NOW.minusSeconds(595)),
                "ops", "ok"));

        assertCode("TOKEN_EXPIRED", 401, () -> tokens.pass(pass, sale("demo")));
        assertEquals("alice", tokens.pass(pass, paused).buyerId(), "still paused: ten minutes added so far");
        assertEquals("alice", tokens.pass(pass, resumed).buyerId(), "a pause of 5 s moved the end 5 s later");
    }

    @Test
    void aPassFromBeforePausesWereCountedKeepsItsEnd() {
        String pass = tokens.issue(new AdmissionPass("demo", "alice", 1, "corr", NOW, null));
        SaleState paused = sale("demo").apply(new SalePaused(EventMeta.of("demo", "c", "x", NOW.minusSeconds(60)),
                "ops", "incident"));

        assertCode("TOKEN_EXPIRED", 401, () -> tokens.pass(pass, paused));
    }

    private static SaleState sale(String saleId) {
        return SaleState.created(new SaleCreated(EventMeta.of(saleId, "c", "x", NOW), "ops", new SaleConfig("Demo", NOW,
                "EUR", 10, 100, Duration.ofMinutes(5), Duration.ofMinutes(10), 4,
                List.of(new SectionConfig("f", "F", 1, 10, 100)))));
    }

    private static void assertCode(String code, int status, Runnable call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(code, e.toError().error());
        assertEquals(status, e.toError().status());
    }
}
