package io.floodgate.simulator.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/** The provider's error body: a code a program can act on and words a person can read. */
public record ProviderError(String error, String message) {
    static HttpResponse<ProviderError> respond(HttpStatus status, String error, String message) {
        return HttpResponse.<ProviderError>status(status).body(new ProviderError(error, message));
    }
}
