package io.floodgate.gateway.identity;

import io.floodgate.gateway.api.ApiException;
import io.micronaut.http.HttpStatus;

import java.util.List;

/** The 401s of buyer identity: each says which credential is wanted (RFC 6750's challenge). */
final class IdentityRefusals {
    /** No credential at all: the scheme only, no error (RFC 6750, 3.1). */
    static final String CHALLENGE_MISSING = "Bearer realm=\"floodgate\"";
    static final String CHALLENGE_INVALID = "Bearer realm=\"floodgate\", error=\"invalid_token\"";

    private IdentityRefusals() {
    }

    static ApiException unauthorized(String code, String message) {
        return unauthorized(code, message, List.of());
    }

    static ApiException unauthorized(String code, String message, List<String> details) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, message, details)
                .challenge(code.equals("MISSING_IDENTITY") ? CHALLENGE_MISSING : CHALLENGE_INVALID);
    }
}
