package io.floodgate.gateway.tokens;

import io.floodgate.contracts.sale.SaleState;
import io.floodgate.gateway.api.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Issues and checks visitor tickets, admission passes and anonymous identities; signs with the current key, accepts previous ones. */
@Singleton
public final class Tokens {
    private static final Logger LOG = LoggerFactory.getLogger(Tokens.class);

    private static final String TICKET = "visitor-ticket";
    private static final String PASS = "admission-pass";
    private static final String IDENTITY = "buyer-identity";

    /** Current key first, then the previous ones. */
    private final List<byte[]> secrets;
    private final Map<String, List<TokenSigner>> signers;
    private final Clock clock;

    public Tokens(TokenSettings settings, Clock clock) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(settings.secret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(Tokens::randomSecret));
        settings.previousSecrets().forEach(s -> keys.add(s.getBytes(StandardCharsets.UTF_8)));
        this.secrets = List.copyOf(keys);
        this.signers = Map.of(TICKET, signers(TICKET), PASS, signers(PASS), IDENTITY, signers(IDENTITY));
        this.clock = clock;
    }

    private List<TokenSigner> signers(String purpose) {
        return secrets.stream().map(secret -> new TokenSigner(secret, purpose)).toList();
    }

    /**
     * Keys for another signer (proof-of-work challenges, say), derived for {@code purpose} from
     * the current secret first, then the previous ones: rotated like the tokens.
     */
    public List<byte[]> keys(String purpose) {
        return secrets.stream().map(secret -> TokenSigner.derive(secret, purpose)).toList();
    }

    public String issue(VisitorTicket ticket) {
        return signers.get(TICKET).get(0).sign(ticket);
    }

    public String issue(AdmissionPass pass) {
        return signers.get(PASS).get(0).sign(pass);
    }

    public String issue(AnonymousIdentity identity) {
        return signers.get(IDENTITY).get(0).sign(identity);
    }

    /** The identity, if the token is genuine and unexpired; empty otherwise (the caller issues a new one). */
    public Optional<AnonymousIdentity> identity(String token) {
        return signedIdentity(token).filter(identity -> clock.instant().isBefore(identity.expiresAt()));
    }

    /** The identity if the token is genuine, expired or not (to tell a caller which). */
    public Optional<AnonymousIdentity> signedIdentity(String token) {
        return verify(IDENTITY, token, AnonymousIdentity.class)
                .filter(identity -> identity.buyerId() != null && identity.expiresAt() != null);
    }

    private <T> Optional<T> verify(String purpose, String token, Class<T> type) {
        return signers.get(purpose).stream().map(s -> s.verify(token, type)).flatMap(Optional::stream).findFirst();
    }

    /** The ticket, if genuine and for {@code saleId}; otherwise 401 or 403 with the reason. */
    public VisitorTicket ticket(String token, String saleId) {
        VisitorTicket ticket = verify(TICKET, require(token, "visitor ticket"), VisitorTicket.class)
                .orElseThrow(() -> invalid("visitor ticket"));
        requireSale(ticket.saleId(), saleId);
        return ticket;
    }

    /**
     * The pass, if genuine, for {@code sale} and unexpired, counting the time the sale has spent
     * paused since the pass was issued (so a pass never runs out during a pause); otherwise 401 or
     * 403 with the reason.
     */
    public AdmissionPass pass(String token, SaleState sale) {
        AdmissionPass pass = verify(PASS, require(token, "admission token"), AdmissionPass.class)
                .orElseThrow(() -> invalid("admission token"));
        requireSale(pass.saleId(), sale.saleId());
        Instant now = clock.instant();
        Instant expiresAt = pass.expiresAt(sale.pausedUntil(now));
        if (!now.isBefore(expiresAt)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "TOKEN_EXPIRED",
                    "Your admission token expired at " + expiresAt + "; check your status for a new one.");
        }
        return pass;
    }

    public Instant now() {
        return clock.instant();
    }

    private static String require(String token, String what) {
        if (token == null || token.isBlank()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "MISSING_TOKEN", "This call needs your " + what + ".");
        }
        return token;
    }

    private static ApiException invalid(String what) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "Your " + what + " is not valid.");
    }

    private static void requireSale(String tokenSale, String saleId) {
        if (!tokenSale.equals(saleId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "WRONG_SALE", "Your token is for another sale.");
        }
    }

    private static byte[] randomSecret() {
        LOG.warn("floodgate.tokens.secret is not set: using a random key; tokens will not survive a restart "
                + "and will not be accepted by other gateway instances");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
