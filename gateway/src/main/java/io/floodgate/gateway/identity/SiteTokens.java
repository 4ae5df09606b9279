package io.floodgate.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import io.floodgate.contracts.identity.BuyerIds;
import io.floodgate.gateway.api.ApiException;
import io.micronaut.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Verifies the platform's site tokens with Nimbus JOSE+JWT: the signature with the configured key
 * and only its algorithm family (HS256 for a shared secret; RS256/ES256 for a JWKS, so neither
 * {@code alg=none} nor an HMAC made with a public key passes), then iss, aud, exp (with the
 * allowed skew) and sub. The buyer is the subject.
 */
final class SiteTokens {
    private static final Logger LOG = LoggerFactory.getLogger(SiteTokens.class);
    /** Far above any honest token; parsing is never asked to do more. */
    private static final int MAX_TOKEN_CHARS = 8192;
    /** The key set is refetched at most twice per 30 s: retrying sooner would only meet the limit. */
    private static final long RETRY_AFTER_SECONDS = 5;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    /** The JWKS, or null with a shared secret. */
    private final PlatformKeys keys;
    private final Duration maxLifetime;

    SiteTokens(IdentitySettings.Site site) {
        keys = site.hmacSecret().isPresent() ? null : new PlatformKeys(site);
        maxLifetime = site.maxTokenLifetime();
        processor.setJWSKeySelector(keys == null
                ? new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(site.hmacKey()))
                : new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys.source()));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(site.audience().orElseThrow(),
                new JWTClaimsSet.Builder().issuer(site.issuer().orElseThrow()).build(),
                Set.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME));
        claims.setMaxClockSkew((int) site.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The buyer the token names, or 401 (503 if the platform's keys cannot be fetched). */
    String buyerId(String token) {
        if (token == null || token.isBlank()) {
            throw IdentityRefusals.unauthorized("MISSING_IDENTITY",
                    "Joining needs your sign-in: send the site's token as 'Authorization: Bearer <token>'.");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw invalid("the token is too long");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException e) {
            throw IdentityRefusals.unauthorized("IDENTITY_EXPIRED",
                    "Your sign-in has expired: sign in again on the site.");
        } catch (RateLimitReachedException e) {
            // Refetching for an unknown key id is rate limited: only a fresh key set lacking it means forged.
            throw keys.unavailable() ? unavailable(e) : invalid("no key of the site matches the token");
        } catch (KeySourceException e) {
            throw unavailable(e);
        } catch (BadJOSEException e) {
            // Exactly BadJOSEException: no key matched. With stale keys (the JWKS is down) the key may be new.
            if (e.getClass() == BadJOSEException.class && keys != null && keys.unavailable()) {
                throw unavailable(e);
            }
            throw invalid(e.getMessage());
        } catch (ParseException | JOSEException e) {
            throw invalid(e.getMessage());
        }
        if (claims.getExpirationTime().toInstant().isAfter(Instant.now().plus(maxLifetime))) {
            throw invalid("the token lives longer than floodgate.identity.site.max-token-lifetime (" + maxLifetime + ")");
        }
        String subject = claims.getSubject();
        if (!BuyerIds.validSiteSubject(subject)) {
            throw invalid("the subject must be " + BuyerIds.SITE_SUBJECT_RULE);
        }
        return subject;
    }

    private static ApiException unavailable(Exception cause) {
        LOG.warn("cannot fetch the site's keys (floodgate.identity.site.jwks-url): {}", cause.getMessage());
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "IDENTITY_UNAVAILABLE",
                "We cannot check sign-ins just now; nothing was changed. Please retry.").retryAfter(RETRY_AFTER_SECONDS);
    }

    private static ApiException invalid(String reason) {
        String shown = reason == null ? "not a valid token" : reason.length() > 200 ? reason.substring(0, 200) : reason;
        return IdentityRefusals.unauthorized("INVALID_IDENTITY",
                "Your sign-in token is not valid: sign in again on the site.", List.of(shown));
    }
}
