package io.floodgate.contracts;

/** Record keys. Keys decide partitions, so they are part of the contract. */
public final class Keys {
    private static final char SEPARATOR = '/';

    private Keys() {
    }

    /** The unit of contention for seats: one sale's section. */
    public static String section(String saleId, String sectionId) {
        return saleId + SEPARATOR + sectionId;
    }
}
