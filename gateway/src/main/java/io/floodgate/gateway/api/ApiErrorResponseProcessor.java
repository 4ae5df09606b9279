package io.floodgate.gateway.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives the framework's own errors (malformed JSON, failed validation, unknown route, wrong
 * method) the same JSON shape as ours, whatever the client accepts: never an HTML page. A value
 * of the wrong JSON type is named by its field. A request the HTTP decoder gave up on gets the
 * status that says why: the framework answers 413 for every limit, but a request line over
 * {@code micronaut.server.max-initial-line-length} is 414 and headers over
 * {@code micronaut.server.max-header-size} are 431.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {
    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus decoded = decoderFailure(context.getRequest());
        if (decoded != null) {
            response.status(decoded);
        }
        int status = response.getStatus().getCode();
        List<String> details = context.getRootCause().flatMap(ApiErrorResponseProcessor::wrongType)
                .map(List::of)
                .orElseGet(() -> context.getErrors().stream().map(ApiErrorResponseProcessor::describe).toList());
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

    /** A JSON value of the wrong type, e.g. {@code "quantity: must be a whole number"}. */
    private static Optional<String> wrongType(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return java.util.Optional.of(path(mismatch.getPath()) + ": " + expected(mismatch.getTargetType()));
            }
        }
        return java.util.Optional.empty();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "must be an object" : "has the wrong type";
    }

    private static HttpStatus decoderFailure(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty) || netty.getNativeRequest().decoderResult().isSuccess()) {
            return null;
        }
        Throwable cause = netty.getNativeRequest().decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            return HttpStatus.REQUEST_URI_TOO_LONG;
        }
        return cause instanceof TooLongHttpHeaderException ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : null;
    }
}
