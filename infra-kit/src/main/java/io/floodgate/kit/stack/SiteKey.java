package io.floodgate.kit.stack;

import io.floodgate.contracts.identity.BuyerIds;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * The shared HMAC key, issuer and audience of a site that vouches for its buyers (the gateway's
 * site identity mode, docs/security.md), and the one place that mints their tokens: an HS256 JWT
 * with {@code iss}, {@code aud}, {@code sub} (the buyer), {@code iat} and {@code exp}, as a
 * ticketing platform would sign for its logged-in user. A stack in site mode hands the key to its
 * gateway; the load generator, the benchmarks, the tests and {@code floodgate token} sign with it.
 * A demo and test key only: a real platform keeps its key in its own secret store.
 *
 * @param hmacSecret the shared key, as the gateway reads it: its UTF-8 bytes, at least 32
 * @param issuer     the {@code iss} the gateway accepts
 * @param audience   the {@code aud} the gateway accepts
 */
public record SiteKey(String hmacSecret, String issuer, String audience) {
    /** The issuer and audience of the local run and of test stacks. */
    public static final String LOCAL_ISSUER = "floodgate-local-site";
    public static final String LOCAL_AUDIENCE = "floodgate";
    /** The gateway's settings, as environment variables (docs/configuration.md). */
    static final String MODE_VARIABLE = "FLOODGATE_IDENTITY_MODE";
    static final String SECRET_VARIABLE = "FLOODGATE_IDENTITY_SITE_HMAC_SECRET";
    static final String ISSUER_VARIABLE = "FLOODGATE_IDENTITY_SITE_ISSUER";
    static final String AUDIENCE_VARIABLE = "FLOODGATE_IDENTITY_SITE_AUDIENCE";
    private static final int MIN_SECRET_BYTES = BuyerIds.MIN_HMAC_SECRET_BYTES;

    public SiteKey {
        if (hmacSecret == null || hmacSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a site key needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("a site key needs an issuer and an audience");
        }
    }

    /** A key drawn at random, for one stack's life (a test's, a load run's). */
    public static SiteKey random() {
        return new SiteKey(StackSettings.randomSecret(), LOCAL_ISSUER, LOCAL_AUDIENCE);
    }

    /** The key in {@code environment} under the gateway's own setting names, when its secret is there. */
    public static Optional<SiteKey> fromEnvironment(Map<String, String> environment) {
        String secret = environment.get(SECRET_VARIABLE);
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SiteKey(secret, environment.getOrDefault(ISSUER_VARIABLE, LOCAL_ISSUER),
                environment.getOrDefault(AUDIENCE_VARIABLE, LOCAL_AUDIENCE)));
    }

    /** The gateway's settings for site mode with this key. */
    public Map<String, String> gatewayEnvironment() {
        return Map.of(MODE_VARIABLE, "site", SECRET_VARIABLE, hmacSecret, ISSUER_VARIABLE, issuer,
                AUDIENCE_VARIABLE, audience);
    }

    /** A token for {@code buyerId}, issued now and good for {@code ttl}. */
    public String mint(String buyerId, Duration ttl) {
        return mint(buyerId, Instant.now(), ttl);
    }

    /** A token for {@code buyerId} issued at {@code issuedAt} (one in the past makes an expired token). */
    public String mint(String buyerId, Instant issuedAt, Duration ttl) {
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(buyerId)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .build());
    }

    /** Any claims, signed HS256 with this key: for tests of what the gateway refuses. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(hmacSecret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            // The constructor checked the key's length, the only thing HS256 signing can refuse.
            throw new IllegalStateException("cannot sign a site token", e);
        }
        return jwt.serialize();
    }

    /** Never the secret: settings are printed in logs and banners. */
    @Override
    public String toString() {
        return "SiteKey[issuer=" + issuer + ", audience=" + audience + "]";
    }
}
