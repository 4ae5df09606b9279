package io.floodgate.queue.access;

/**
 * One access code of a sale, as queue-service keeps it (under its hash).
 *
 * @param usedBy the buyer it admitted, or null while unused
 */
public record AccessCode(String usedBy) {
    public static final AccessCode UNUSED = new AccessCode(null);

    public boolean used() {
        return usedBy != null;
    }
}
