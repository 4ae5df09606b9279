package io.floodgate.gateway.api;

import io.floodgate.contracts.sale.SaleState;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** An answer the gateway gives on purpose: a status, a stable code and plain words. */
public final class ApiException extends RuntimeException {
    private static final long RETRY_AFTER_SECONDS = 2;
    private final HttpStatus status;
    private final String code;
    private final List<String> details;
    private long retryAfterSeconds = RETRY_AFTER_SECONDS;
    private String challenge;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(HttpStatus status, String code, String message, List<String> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    /** We could not record the request (Kafka unreachable): nothing happened, retry later. */
    public static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
                "We could not record your request just now; nothing was changed. Please retry.");
    }

    public static ApiException unknownSale(String saleId) {
        return notFound("UNKNOWN_SALE", "There is no sale '" + saleId + "'.");
    }

    /** 409 SALE_CLOSED if {@code sale} is closed: nobody joins it, gets a challenge for it or changes it. */
    public static void refuseIfClosed(SaleState sale) {
        if (sale.closed()) {
            throw new ApiException(HttpStatus.CONFLICT, "SALE_CLOSED", "Sale '" + sale.saleId() + "' is closed.");
        }
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message);
    }

    /** When to retry, for 429 and 503 answers. */
    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** For a 401: the {@code WWW-Authenticate} challenge saying which credential is wanted (RFC 6750). */
    public ApiException challenge(String wwwAuthenticate) {
        this.challenge = wwwAuthenticate;
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError toError() {
        return new ApiError(status.getCode(), code, getMessage(), details);
    }

    /** The response; 503 and 429 say when to retry, a 401 with a challenge which credential is wanted. */
    public MutableHttpResponse<ApiError> toResponse() {
        MutableHttpResponse<ApiError> response = HttpResponse.<ApiError>status(status).body(toError());
        if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        if (challenge != null && status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return response;
    }
}
