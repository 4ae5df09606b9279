package io.floodgate.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The one shape of every error the gateway answers.
 *
 * @param error   a stable code for programs, e.g. {@code UNKNOWN_SALE}
 * @param message plain words for people
 * @param details what exactly was wrong, e.g. one line per invalid field
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, List<String> details) {
    public ApiError {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
