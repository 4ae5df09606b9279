package io.floodgate.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.floodgate.kit.stack.SiteKey;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Site tokens as a platform would mint them, for the tests. */
public final class SiteTokenFixtures {
    public static final String ISSUER = "https://tickets.example";
    public static final String AUDIENCE = "floodgate";
    public static final String HMAC_SECRET = "a-site-secret-for-tests-only-0123456789";

    private SiteTokenFixtures() {
    }

    /** Claims of a token for {@code subject}, issued now and valid for five minutes. */
    public static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    public static String sign(JWSSigner signer, JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hs256(String secret, JWTClaimsSet claims) {
        return new SiteKey(secret, ISSUER, AUDIENCE).sign(claims);
    }

    /** {@code alg: none}: claims anyone could write. */
    public static String unsigned(JWTClaimsSet claims) {
        return new com.nimbusds.jwt.PlainJWT(claims).serialize();
    }
}
