package io.floodgate.gateway.limits;

import io.floodgate.gateway.api.ApiException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-address and per-buyer limits on joining and reading status: 429 with Retry-After. The
 * buyer's place is held by their identity, not their address, so a buyer who switches networks
 * keeps it. The address is {@link ClientAddresses}': never one a client names itself.
 */
@Singleton
public final class BuyerLimits {
    private final ClientAddresses addresses;
    private final RateLimiter joinByAddress;
    private final RateLimiter joinByBuyer;
    private final RateLimiter statusByAddress;
    private final RateLimiter statusByBuyer;

    public BuyerLimits(LimitSettings settings, ClientAddresses addresses, Clock clock) {
        this.addresses = addresses;
        this.joinByAddress = limiter(clock, settings.joinPerAddress());
        this.joinByBuyer = limiter(clock, settings.joinPerBuyer());
        this.statusByAddress = limiter(clock, settings.statusPerAddress());
        this.statusByBuyer = limiter(clock, settings.statusPerBuyer());
    }

    private static RateLimiter limiter(Clock clock, double perSecond) {
        return new RateLimiter(clock, perSecond, Math.max(2, perSecond * 2));
    }

    /** Before the buyer's credential is checked, so a flood of bad credentials costs each address its bucket. */
    public void join(HttpRequest<?> request) {
        check(joinByAddress, "join " + addresses.of(request));
    }

    public void join(String saleId, String buyerId) {
        check(joinByBuyer, "join " + saleId + "/" + buyerId);
    }

    /**
     * Proof-of-work challenges: the join's rates, counted apart, so fetching one never costs a join;
     * by address before the credential is checked, as a join.
     */
    public void challenge(HttpRequest<?> request) {
        check(joinByAddress, "challenge " + addresses.of(request));
    }

    public void challenge(String saleId, String buyerId) {
        check(joinByBuyer, "challenge " + saleId + "/" + buyerId);
    }

    public void status(HttpRequest<?> request, String saleId, String buyerId) {
        check(statusByAddress, "status " + addresses.of(request));
        check(statusByBuyer, "status " + saleId + "/" + buyerId);
    }

    private static void check(RateLimiter limiter, String key) {
        Optional<Duration> wait = limiter.acquire(key);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "Too many requests; your place is kept. Try again in " + seconds + " s.").retryAfter(seconds);
        }
    }
}
