package io.floodgate.gateway.api;

import io.floodgate.gateway.GatewaySettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.cors.CorsFilter;

import java.util.Set;

/**
 * A request from a web page is served only if the page's origin is allowed
 * ({@code floodgate.gateway.allowed-origins}) or is the gateway's own: anything else is 403 before
 * any route runs. The framework's CORS filter alone only withholds the CORS headers from other
 * origins (and lets any localhost origin through), so the request itself, a join say, was processed.
 * Requests without {@code Origin} (curl, servers, same-origin navigation) are not concerned.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class OriginFilter implements Ordered {
    private final Set<String> allowed;

    public OriginFilter(GatewaySettings settings) {
        this.allowed = Set.copyOf(settings.allowedOrigins());
    }

    /** Before the CORS filter, which would answer a preflight from any origin it has no rule for. */
    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER - 1;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || allowed.contains(origin) || origin.equals(ownOrigin(request))) {
            return null;
        }
        return new ApiException(HttpStatus.FORBIDDEN, "ORIGIN_NOT_ALLOWED",
                "Pages from " + origin + " may not call this API.").toResponse();
    }

    /** What a browser sends as Origin for a page the gateway served itself, over this connection. */
    private static String ownOrigin(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return host == null ? null : (request.isSecure() ? "https://" : "http://") + host;
    }
}
