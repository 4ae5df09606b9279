package io.floodgate.gateway.identity;

import io.floodgate.contracts.identity.BuyerIds;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.auth.Credentials;
import io.floodgate.gateway.limits.ClientAddresses;
import io.floodgate.gateway.tokens.AnonymousIdentity;
import io.floodgate.gateway.tokens.Tokens;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.annotation.PreDestroy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

/**
 * Who a buyer is, from a credential and never from the request body (docs/security.md, "Buyer
 * identity"). Site mode: the platform's signed token in {@code Authorization: Bearer}. Anonymous
 * mode: the identity token this gateway issued, from the cookie every tab of the browser shares
 * or from the {@value #HEADER} header; a request with none is given a new, unguessable one (a
 * bad header is refused: its client chose it and is told; a bad cookie is replaced).
 * Created with the context, so a bad {@code floodgate.identity.*} stops the gateway starting.
 */
@Context
public class BuyerIdentities {
    public static final String COOKIE = "floodgate_identity";
    public static final String HEADER = "Floodgate-Identity";
    private static final String ANONYMOUS_PREFIX = BuyerIds.ANONYMOUS_PREFIX;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** 26 base32 characters: 130 random bits. */
    private static final int ANONYMOUS_CHARS = 26;
    private static final int MAX_TOKEN_CHARS = 512;

    private final IdentitySettings settings;
    private final Tokens tokens;
    private final SiteTokens site;
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService verifiers;
    private final ClientAddresses addresses;

    public BuyerIdentities(IdentitySettings settings, Tokens tokens, ClientAddresses addresses) {
        this.settings = settings;
        this.addresses = addresses;
        this.tokens = tokens;
        this.site = settings.mode() == IdentitySettings.Mode.SITE ? new SiteTokens(settings.site()) : null;
        this.verifiers = site == null ? null : SiteVerifiers.create();
    }

    @PreDestroy
    void close() {
        if (verifiers != null) {
            verifiers.shutdownNow();
        }
    }

    /**
     * {@link #identify} off the event loop in site mode: a token may need the JWKS fetched and its
     * signature costs CPU, so it runs on a small bounded pool (full: 503). Anonymous identities
     * are one HMAC, checked at once.
     */
    public CompletableFuture<BuyerIdentity> identifyOffLoop(HttpRequest<?> request) {
        if (verifiers == null) {
            try {
                return CompletableFuture.completedFuture(identify(request));
            } catch (ApiException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        try {
            return CompletableFuture.supplyAsync(() -> identify(request), verifiers);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "IDENTITY_UNAVAILABLE",
                    "Too many sign-ins are being checked just now; nothing was changed. Please retry."));
        }
    }

    public IdentitySettings.Mode mode() {
        return settings.mode();
    }

    public List<String> embeddingOrigins() {
        return settings.site().embeddingOrigins();
    }

    boolean fragmentToken() {
        return settings.site().fragmentToken();
    }

    /**
     * Who may frame the buyer page, as {@code Content-Security-Policy}: this gateway, and in site
     * mode the platform's embedding pages; nobody else can put it under an overlay (clickjacking)
     * or hand it a token.
     */
    public String frameAncestors() {
        List<String> origins = mode() == IdentitySettings.Mode.SITE ? embeddingOrigins() : List.of();
        return "frame-ancestors 'self'" + origins.stream().map(origin -> " " + origin).collect(Collectors.joining());
    }

    /** For browsers that do not know frame-ancestors: SAMEORIGIN when no other origin may embed the page. */
    public Optional<String> frameOptions() {
        return mode() == IdentitySettings.Mode.SITE && !embeddingOrigins().isEmpty() ? Optional.empty()
                : Optional.of("SAMEORIGIN");
    }

    /** The buyer asking; in site mode 401 (or 503 while the platform's keys cannot be fetched) without a valid token. */
    public BuyerIdentity identify(HttpRequest<?> request) {
        if (site != null) {
            return new BuyerIdentity(site.buyerId(Credentials.bearer(request.getHeaders().get(HttpHeaders.AUTHORIZATION))),
                    false);
        }
        Optional<String> header = request.getHeaders().get(HEADER, String.class).filter(token -> !token.isBlank());
        if (header.isPresent()) {
            return new BuyerIdentity(fromHeader(header.get()).buyerId(), false);
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(token -> token.length() <= MAX_TOKEN_CHARS)
                .flatMap(tokens::identity)
                .map(identity -> new BuyerIdentity(identity.buyerId(), false))
                .orElseGet(this::mint);
    }

    /** A header is what its client chose to send: a bad one is refused, never silently replaced by a new buyer. */
    private AnonymousIdentity fromHeader(String token) {
        AnonymousIdentity identity = (token.length() <= MAX_TOKEN_CHARS ? tokens.signedIdentity(token) : Optional.<AnonymousIdentity>empty())
                .orElseThrow(() -> IdentityRefusals.unauthorized("INVALID_IDENTITY",
                        "The " + HEADER + " header is not an identity this gateway issued: drop the header to get a new identity."));
        if (!tokens.now().isBefore(identity.expiresAt())) {
            throw IdentityRefusals.unauthorized("IDENTITY_EXPIRED",
                    "The identity in the " + HEADER + " header has expired: drop the header to get a new identity.");
        }
        return identity;
    }

    /**
     * A join that failed after issuing an identity (503, say) still hands it back, cookie and
     * {@code identity}, so the retry is the same buyer.
     */
    public MutableHttpResponse<?> refusal(Throwable failure, BuyerIdentity identity, HttpRequest<?> request) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (!identity.issued() || !(cause instanceof ApiException refused)) {
            throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
        }
        return remember(refused.toResponse().body(refused.toError().withIdentity(handedBack(identity, request))),
                identity, request);
    }

    /**
     * The issued token for the answer's {@code identity}, for clients that keep no cookie; null
     * for a browser (its requests carry {@code Origin}), which has the {@code HttpOnly} cookie, so
     * no script in the page ever reads the credential.
     */
    @Nullable
    public String handedBack(BuyerIdentity identity, HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaders.ORIGIN) ? null : identity.token();
    }

    /**
     * Hands a newly issued identity to the browser: a cookie its other tabs send too, {@code Secure}
     * when the browser came over HTTPS (or {@code floodgate.identity.secure-cookie} says always).
     */
    public <T> MutableHttpResponse<T> remember(MutableHttpResponse<T> response, BuyerIdentity identity,
                                               HttpRequest<?> request) {
        if (!identity.issued()) {
            return response;
        }
        return response.cookie(Cookie.of(COOKIE, identity.token())
                .httpOnly(true)
                .sameSite(SameSite.Lax)
                .path("/")
                .secure(settings.secureCookie() || addresses.secure(request))
                .maxAge(settings.anonymousLifetime()));
    }

    private BuyerIdentity mint() {
        StringBuilder id = new StringBuilder(ANONYMOUS_PREFIX);
        for (int i = 0; i < ANONYMOUS_CHARS; i++) {
            id.append(BASE32[random.nextInt(BASE32.length)]);
        }
        String buyerId = id.toString();
        Instant expiresAt = tokens.now().plus(settings.anonymousLifetime());
        return new BuyerIdentity(buyerId, true, tokens.issue(new AnonymousIdentity(buyerId, expiresAt)));
    }
}
