package io.floodgate.gateway.api;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;

/**
 * Errors answered by the framework's own filters without a body (a cross-origin request from an
 * origin that is not allowed, for one) get the same JSON shape as every other error.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ErrorBodyFilter implements Ordered {
    /** Outermost, so it also sees answers that the CORS filter gives without calling the route. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    public void fill(MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (status.getCode() >= 400 && response.getBody().isEmpty()) {
            response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ApiError(status.getCode(), status.name(), status.getReason(), List.of()));
        }
    }
}
