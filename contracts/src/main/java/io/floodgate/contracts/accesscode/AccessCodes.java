package io.floodgate.contracts.accesscode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Presale access codes: their one format, their limits and their hash. A code is Crockford base32
 * (digits and letters but I, L, O, U), typed in any case with dashes or spaces between groups;
 * {@link #normalize} reads it as Crockford does (I and L as 1, O as 0). Codes are random with at least
 * 80 bits, so a plain SHA-256 protects them: nobody can search 2^80 codes against a stolen hash, and a
 * slow password hash would only make every join dearer. The sale id is hashed in, so the same code
 * in two sales gives two unrelated hashes.
 */
public final class AccessCodes {
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Generated codes: 20 characters, 100 bits, shown in groups of {@link #GROUP}. */
    public static final int GENERATED_LENGTH = 20;
    public static final int GROUP = 4;
    /** Imported codes: 16 characters (80 bits) at least, 32 at most. */
    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 32;
    /** What a code may look like as typed: characters, dashes and spaces. */
    public static final int MAX_TYPED_LENGTH = 64;
    public static final int MAX_PER_CALL = 10_000;
    public static final int MAX_PER_SALE = 100_000;
    public static final int MAX_PER_RECORD = 1_000;
    /** Lowercase hex of a SHA-256. */
    public static final String HASH_PATTERN = "[0-9a-f]{64}";

    private AccessCodes() {
    }

    /** The code in its one canonical form, or empty if it is not a code (wrong characters or length). */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > MAX_TYPED_LENGTH) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(typed.length());
        for (char typedChar : typed.toCharArray()) {
            if (typedChar == '-' || typedChar == ' ') {
                continue;
            }
            // ASCII only: upper-casing other letters can make codes of them ("ß" is "SS").
            char c = typedChar >= 'a' && typedChar <= 'z' ? (char) (typedChar - 'a' + 'A') : typedChar;
            char read = c == 'I' || c == 'L' ? '1' : c == 'O' ? '0' : c;
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() >= MIN_LENGTH && code.length() <= MAX_LENGTH ? Optional.of(code.toString())
                : Optional.empty();
    }

    /** The hash recorded for a normalized {@code code} of {@code saleId}. */
    public static String hash(String saleId, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("floodgate-access-code:" + saleId + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A normalized code in groups, as it is printed for buyers: {@code 7KQ3-M9XD-...}. */
    public static String grouped(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i += GROUP) {
            if (i > 0) {
                out.append('-');
            }
            out.append(code, i, Math.min(code.length(), i + GROUP));
        }
        return out.toString();
    }
}
