package io.floodgate.gateway.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Gives the framework's own errors (malformed JSON, failed validation, unknown route, wrong
 * method) the same JSON shape as ours, whatever the client accepts: never an HTML page.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {
    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.getStatus().getCode();
        List<String> details = context.getErrors().stream().map(ApiErrorResponseProcessor::describe).toList();
        String code = response.getStatus().name();
        String message = status >= 500 ? "Something went wrong on our side; please retry shortly."
                : status == 400 ? "The request is not valid." : response.getStatus().getReason();
        return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(status, code, message, status >= 500 ? List.of() : details));
    }

    /** One line per problem: the field (without the parameter's name) and what is wrong with it. */
    private static String describe(Error error) {
        String line = error.getPath().map(path -> path + ": ").orElse("") + error.getMessage();
        int location = line.indexOf("\n at [Source");
        return (location < 0 ? line : line.substring(0, location)).replaceFirst("^/?request(\\.|: )", "");
    }
}
