package io.floodgate.gateway.auth;

import io.micronaut.core.annotation.Nullable;

/** Reads credentials from request headers. */
public final class Credentials {
    /** Header carrying a buyer's visitor ticket (or the {@code ticket} query parameter, for EventSource). */
    public static final String TICKET_HEADER = "Floodgate-Ticket";

    private static final String BEARER = "Bearer ";

    private Credentials() {
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null. */
    public static String bearer(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }

    /** The first of the given values that is present. */
    public static String either(@Nullable String header, @Nullable String query) {
        return header != null && !header.isBlank() ? header : query;
    }
}
