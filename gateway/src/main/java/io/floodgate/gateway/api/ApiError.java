package io.floodgate.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The one shape of every error the gateway answers.
 *
 * @param error   a stable code for programs, e.g. {@code UNKNOWN_SALE}
 * @param message plain words for people
 * @param details  what exactly was wrong, e.g. one line per invalid field
 * @param identity a failed first join only: the anonymous identity it issued, so the retry is the same buyer
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, List<String> details, String identity) {
    public ApiError {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public ApiError(int status, String error, String message, List<String> details) {
        this(status, error, message, details, null);
    }

    public ApiError withIdentity(String token) {
        return new ApiError(status, error, message, details, token);
    }
}
