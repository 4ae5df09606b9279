package io.floodgate.gateway.auth;

import io.floodgate.gateway.api.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the operator credential. */
@Singleton
public final class OperatorGuard {
    private final OperatorSettings settings;

    public OperatorGuard(OperatorSettings settings) {
        this.settings = settings;
    }

    /** Fails with 401 or 403 unless {@code authorization} carries the operator token. */
    public void check(String authorization) {
        String expected = settings.token().orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN,
                "OPERATOR_API_DISABLED", "No operator credential is configured (FLOODGATE_OPERATOR_TOKEN)."));
        String given = Credentials.bearer(authorization);
        if (given == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "MISSING_TOKEN", "This call needs the operator token.");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_AN_OPERATOR", "The operator token is not valid.");
        }
    }
}
