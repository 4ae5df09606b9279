package io.floodgate.gateway.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.contracts.json.EventJson;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs claims as {@code base64url(json).base64url(hmac-sha256)}. Each purpose derives its own
 * key from the secret, so a token made for one purpose never verifies for another.
 */
public final class TokenSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ObjectMapper json = EventJson.mapper();
    private final SecretKeySpec key;

    public TokenSigner(byte[] secret, String purpose) {
        this.key = new SecretKeySpec(derive(secret, purpose), ALGORITHM);
    }

    /** The key for {@code purpose}, derived from {@code secret}: HMAC-SHA256(secret, purpose). */
    static byte[] derive(byte[] secret, String purpose) {
        return hmac(new SecretKeySpec(secret, ALGORITHM), purpose.getBytes(StandardCharsets.UTF_8));
    }

    public String sign(Object claims) {
        try {
            String payload = ENCODER.encodeToString(json.writeValueAsBytes(claims));
            return payload + "." + ENCODER.encodeToString(hmac(key, payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write token claims", e);
        }
    }

    /** The claims, if the token is well formed and its signature is ours; empty otherwise. */
    public <T> Optional<T> verify(String token, Class<T> type) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] expected = hmac(key, token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, DECODER.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            return Optional.of(json.readValue(DECODER.decode(token.substring(0, dot)), type));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
