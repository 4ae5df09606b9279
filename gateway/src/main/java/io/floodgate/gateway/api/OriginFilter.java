package io.floodgate.gateway.api;

import io.floodgate.gateway.GatewaySettings;
import io.floodgate.gateway.limits.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.cors.CorsFilter;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request from a web page is served only if the page's origin is allowed
 * ({@code floodgate.gateway.allowed-origins}) or is the gateway's own: anything else is 403 before
 * any route runs. The framework's CORS filter alone only withholds the CORS headers from other
 * origins (and lets any localhost origin through), so the request itself, a join say, was processed.
 * Requests without {@code Origin} (curl, servers, same-origin navigation) are not concerned.
 * Behind a TLS-terminating proxy the gateway's own origin is the one the proxy was asked for: from a
 * trusted proxy ({@link ClientAddresses}) its {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}
 * are believed, the last value of each (what the nearest proxy set), never from anyone else.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class OriginFilter implements Ordered {
    static final String FORWARDED_PROTO = ClientAddresses.FORWARDED_PROTO;
    static final String FORWARDED_HOST = "X-Forwarded-Host";

    private final Set<String> allowed;
    private final ClientAddresses addresses;

    public OriginFilter(GatewaySettings settings, ClientAddresses addresses) {
        this.allowed = settings.allowedOrigins().stream().map(OriginFilter::normalised)
                .filter(origin -> !origin.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.addresses = addresses;
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
        if (origin == null || allowed.contains(normalised(origin)) || normalised(origin).equals(ownOrigin(request))) {
            return null;
        }
        return new ApiException(HttpStatus.FORBIDDEN, "ORIGIN_NOT_ALLOWED",
                "Pages from " + origin + " may not call this API.").toResponse();
    }

    /** What a browser sends as Origin for a page the gateway served itself (through its proxies). */
    private String ownOrigin(HttpRequest<?> request) {
        boolean proxied = addresses.fromTrustedProxy(request);
        return ownOrigin(request.isSecure(), request.getHeaders().get(HttpHeaders.HOST),
                proxied ? request.getHeaders().getAll(FORWARDED_PROTO) : List.of(),
                proxied ? request.getHeaders().getAll(FORWARDED_HOST) : List.of());
    }

    static String ownOrigin(boolean secure, String host, List<String> forwardedProto, List<String> forwardedHost) {
        String proto = ClientAddresses.lastForwarded(forwardedProto);
        String scheme = proto != null ? proto : secure ? "https" : "http";
        String forwarded = ClientAddresses.lastForwarded(forwardedHost);
        String authority = forwarded != null ? forwarded : host;
        return authority == null ? null : normalised(scheme + "://" + authority);
    }

    /** Origins compare as browsers send them: lower case, no trailing slash. */
    static String normalised(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
