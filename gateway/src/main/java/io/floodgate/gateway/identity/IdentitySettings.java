package io.floodgate.gateway.identity;

import io.floodgate.contracts.identity.BuyerIds;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code floodgate.identity.*}: where a buyer's identity comes from (docs/security.md). Checked
 * when the gateway starts ({@link BuyerIdentities} is created with the context), so a site mode
 * that could not verify a single token never starts at all.
 *
 * @param mode              {@code anonymous}: the gateway issues the identity itself; {@code site}: a JWT
 *                          the ticketing platform signs for its logged-in user
 * @param anonymousLifetime how long an anonymous identity (and its cookie) lasts
 * @param secureCookie      mark the identity cookie {@code Secure} (sent over HTTPS only): on in production
 * @param site              how site tokens are verified
 */
@ConfigurationProperties("floodgate.identity")
public record IdentitySettings(@Bindable(defaultValue = "anonymous") Mode mode,
                               @Bindable(defaultValue = "7d") Duration anonymousLifetime,
                               @Bindable(defaultValue = "false") boolean secureCookie,
                               Site site) {
    static final int MIN_HMAC_BYTES = BuyerIds.MIN_HMAC_SECRET_BYTES;
    /** The JWKS is refreshed this long before its cache lifetime ends (Nimbus' refresh-ahead time). */
    static final Duration MIN_JWKS_CACHE_LIFETIME = Duration.ofSeconds(30);

    public enum Mode { ANONYMOUS, SITE }

    public IdentitySettings {
        site = site == null ? new Site(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(5), List.of(), false,
                Duration.ofHours(24)) : site;
        if (anonymousLifetime.isNegative() || anonymousLifetime.isZero()) {
            throw new IllegalArgumentException("floodgate.identity.anonymous-lifetime must be positive");
        }
        if (mode == Mode.SITE) {
            site.requireComplete();
        }
    }

    /**
     * {@code floodgate.identity.site.*}: the platform's tokens. Exactly one key: {@code hmac-secret}
     * (HS256) or {@code jwks-url} (RS256 and ES256, keys fetched and cached).
     *
     * @param clockSkew         how far the platform's clock may be from ours when checking exp and nbf,
     *                          in whole seconds (the JWT library counts seconds)
     * @param jwksTimeout       connect and read timeout of one JWKS fetch
     * @param jwksCacheLifetime how long fetched keys are used before they are fetched again (an unknown
     *                          key id refetches sooner, rate-limited); over 30 s, keys are refreshed
     *                          in the last 30 s before it ends
     * @param embeddingOrigins  the platform's web origins ({@code scheme://host[:port]}) whose pages embed
     *                          the buyer page and hand it the token by postMessage; the page takes it
     *                          from no other, and may be framed by no other
     * @param fragmentToken     the page also takes a token from its address's {@code #token=} (for a
     *                          platform that redirects instead of embedding); off: a link could
     *                          carry an attacker's token (login CSRF, docs/security.md)
     * @param maxTokenLifetime  a token whose exp is further than this from now is refused: a
     *                          platform bug or a stolen signing key should not mint year-long tokens
     */
    @ConfigurationProperties("site")
    public record Site(Optional<String> issuer, Optional<String> audience, Optional<String> hmacSecret,
                       Optional<URI> jwksUrl,
                       @Bindable(defaultValue = "30s") Duration clockSkew,
                       @Bindable(defaultValue = "2s") Duration jwksTimeout,
                       @Bindable(defaultValue = "5m") Duration jwksCacheLifetime,
                       @Bindable(defaultValue = "") List<String> embeddingOrigins,
                       @Bindable(defaultValue = "false") boolean fragmentToken,
                       @Bindable(defaultValue = "24h") Duration maxTokenLifetime) {
        public Site {
            embeddingOrigins = embeddingOrigins == null ? List.of()
                    : embeddingOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
            issuer = issuer.filter(s -> !s.isBlank());
            audience = audience.filter(s -> !s.isBlank());
            hmacSecret = hmacSecret.filter(s -> !s.isBlank());
        }

        byte[] hmacKey() {
            return hmacSecret.orElseThrow().getBytes(StandardCharsets.UTF_8);
        }

        private void requireComplete() {
            String missing = issuer.isEmpty() ? "floodgate.identity.site.issuer"
                    : audience.isEmpty() ? "floodgate.identity.site.audience" : null;
            if (missing != null) {
                throw new IllegalArgumentException("floodgate.identity.mode is site but " + missing
                        + " is not set: every site token's issuer and audience are checked against it");
            }
            if (hmacSecret.isPresent() == jwksUrl.isPresent()) {
                throw new IllegalArgumentException("floodgate.identity.mode is site: set exactly one of "
                        + "floodgate.identity.site.hmac-secret (HS256) and floodgate.identity.site.jwks-url (RS256/ES256)");
            }
            if (hmacSecret.isPresent() && hmacKey().length < MIN_HMAC_BYTES) {
                throw new IllegalArgumentException("floodgate.identity.site.hmac-secret must be at least "
                        + MIN_HMAC_BYTES + " bytes");
            }
            if (jwksUrl.isPresent() && !(jwksUrl.get().isAbsolute()
                    && ("https".equals(jwksUrl.get().getScheme()) || loopback(jwksUrl.get())))) {
                throw new IllegalArgumentException("floodgate.identity.site.jwks-url must be an absolute https URL "
                        + "(http only to a loopback address): whoever can change the keys in transit can sign in as anyone");
            }
            if (jwksUrl.isPresent() && jwksCacheLifetime.compareTo(MIN_JWKS_CACHE_LIFETIME) <= 0) {
                throw new IllegalArgumentException("floodgate.identity.site.jwks-cache-lifetime must be over "
                        + MIN_JWKS_CACHE_LIFETIME.toSeconds() + " s: the keys are refreshed in the last 30 s before it ends");
            }
            if (clockSkew.isNegative() || clockSkew.getNano() != 0) {
                throw new IllegalArgumentException("floodgate.identity.site.clock-skew must be whole seconds, not negative");
            }
            if (jwksTimeout.isNegative() || jwksTimeout.isZero()) {
                throw new IllegalArgumentException("floodgate.identity.site.jwks-timeout must be positive");
            }
            if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
                throw new IllegalArgumentException("floodgate.identity.site.max-token-lifetime must be positive");
            }
            embeddingOrigins.forEach(Site::requireOrigin);
        }

        private static boolean loopback(URI url) {
            String host = url.getHost() == null ? "" : url.getHost();
            return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        }

        /** What a browser sends as {@code MessageEvent.origin}: {@code scheme://host[:port]}, nothing more. */
        private static void requireOrigin(String origin) {
            URI uri;
            try {
                uri = new URI(origin);
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("floodgate.identity.site.embedding-origins: '" + origin
                        + "' is not an origin (scheme://host[:port], no path and no trailing /)");
            }
        }
    }
}
