package io.floodgate.gateway.auth;

import io.floodgate.gateway.api.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every operator call is authenticated, and its role checked, before anything else (its body
 * included) is looked at: the one place that decides, so no action can forget it. The operator
 * signed in is the request attribute {@link Operator#ATTRIBUTE}.
 */
@ServerFilter("/api/operator/**")
public class OperatorFilter {
    private final OperatorGuard guard;

    public OperatorFilter(OperatorGuard guard) {
        this.guard = guard;
    }

    /** Null lets the request through; otherwise the 401/403 answer. */
    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        try {
            request.setAttribute(Operator.ATTRIBUTE, guard.check(request.getHeaders().get(HttpHeaders.AUTHORIZATION),
                    request.getMethod()));
            return null;
        } catch (ApiException e) {
            return e.challenge("Bearer").toResponse(); // the challenge is sent with a 401 only
        }
    }
}
