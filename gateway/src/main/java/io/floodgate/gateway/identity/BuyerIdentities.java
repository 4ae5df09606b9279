package io.floodgate.gateway.identity;

import io.floodgate.gateway.auth.Credentials;
import io.floodgate.gateway.tokens.AnonymousIdentity;
import io.floodgate.gateway.tokens.Tokens;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who a buyer is, from a credential and never from the request body (docs/security.md, "Buyer
 * identity"). Site mode: the platform's signed token in {@code Authorization: Bearer}. Anonymous
 * mode: the identity token this gateway issued, from the cookie every tab of the browser shares
 * or from the {@value #HEADER} header; a request with none is given a new, unguessable one.
 * Created with the context, so a bad {@code floodgate.identity.*} stops the gateway starting.
 */
@Context
public class BuyerIdentities {
    public static final String COOKIE = "floodgate_identity";
    public static final String HEADER = "Floodgate-Identity";
    private static final String ANONYMOUS_PREFIX = "anon-";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** 26 base32 characters: 130 random bits. */
    private static final int ANONYMOUS_CHARS = 26;
    private static final int MAX_TOKEN_CHARS = 512;

    private final IdentitySettings settings;
    private final Tokens tokens;
    private final SiteTokens site;
    private final SecureRandom random = new SecureRandom();

    public BuyerIdentities(IdentitySettings settings, Tokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
        this.site = settings.mode() == IdentitySettings.Mode.SITE ? new SiteTokens(settings.site()) : null;
    }

    public IdentitySettings.Mode mode() {
        return settings.mode();
    }

    public List<String> embeddingOrigins() {
        return settings.site().embeddingOrigins();
    }

    /** The buyer asking; in site mode 401 (or 503 while the platform's keys cannot be fetched) without a valid token. */
    public BuyerIdentity identify(HttpRequest<?> request) {
        if (site != null) {
            return new BuyerIdentity(site.buyerId(Credentials.bearer(request.getHeaders().get(HttpHeaders.AUTHORIZATION))),
                    false);
        }
        return presented(request).flatMap(tokens::identity)
                .map(identity -> new BuyerIdentity(identity.buyerId(), false))
                .orElseGet(this::mint);
    }

    /** Hands a newly issued identity to the browser: a cookie its other tabs send too. */
    public <T> MutableHttpResponse<T> remember(MutableHttpResponse<T> response, BuyerIdentity identity) {
        if (!identity.issued()) {
            return response;
        }
        return response.cookie(Cookie.of(COOKIE, identity.token())
                .httpOnly(true)
                .sameSite(SameSite.Lax)
                .path("/")
                .secure(settings.secureCookie())
                .maxAge(settings.anonymousLifetime()));
    }

    private Optional<String> presented(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().get(HEADER, String.class).filter(token -> !token.isBlank());
        return header.or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue))
                .filter(token -> token.length() <= MAX_TOKEN_CHARS);
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
