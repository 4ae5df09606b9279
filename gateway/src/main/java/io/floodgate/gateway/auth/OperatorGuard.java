package io.floodgate.gateway.auth;

import io.floodgate.gateway.api.ApiException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Set;

/** Checks the operator credential, and what its role allows. */
@Singleton
public final class OperatorGuard {
    /** What a viewer may do: read. Every other method is an action. */
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final OperatorCredentials credentials;

    public OperatorGuard(OperatorCredentials credentials) {
        this.credentials = credentials;
    }

    /**
     * The operator {@code authorization} signs in, allowed to {@code method}: 401 when it signs in
     * no one (missing or unrecognised), 403 when it does but may not (a viewer acting, the API off).
     */
    public Operator check(String authorization, HttpMethod method) {
        if (!credentials.configured()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "OPERATOR_API_DISABLED", "No operator credential is "
                    + "configured (FLOODGATE_OPERATOR_CREDENTIALS or FLOODGATE_OPERATOR_TOKEN).");
        }
        String given = Credentials.bearer(authorization);
        if (given == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "MISSING_TOKEN", "This call needs an operator token.");
        }
        Operator operator = credentials.find(given).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "NOT_AN_OPERATOR", "The operator token is not valid."));
        if (!operator.role().mayAct() && !READS.contains(method)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "READ_ONLY_OPERATOR", "'" + operator.name()
                    + "' signs in as a viewer: they can read the console's figures but not act.");
        }
        return operator;
    }
}
