package io.floodgate.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One rule for every id in a path ({@code saleId}, {@code holdId}, {@code orderId}, ...): short,
 * printable and plain, so no id can reach a store, a topic or a log that would refuse it or be
 * harmed by it (a null byte, say). Anything else is 400 before any route runs.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PathIds {
    /** Every id the gateway issues or accepts fits this: sale and section ids, UUIDs, buyer ids. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._~@+-]{1,64}");
    private static final String RULE = "must be 1-64 letters, digits or ._~@+-";

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        List<String> invalid = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getVariableValues())
                .map(PathIds::invalid)
                .orElse(List.of());
        return invalid.isEmpty() ? null
                : new ApiException(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The request is not valid.", invalid)
                        .toResponse();
    }

    static boolean valid(String id) {
        return ID.matcher(id).matches();
    }

    private static List<String> invalid(Map<String, Object> variables) {
        return variables.entrySet().stream()
                .filter(v -> !valid(String.valueOf(v.getValue())))
                .map(v -> v.getKey() + ": " + RULE)
                .sorted()
                .toList();
    }
}
