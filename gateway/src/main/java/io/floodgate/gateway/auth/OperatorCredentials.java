package io.floodgate.gateway.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configured operator credentials ({@link OperatorSettings}), validated when the gateway
 * starts (a bad entry stops it with a message naming the entry), and the lookup of a presented
 * token. Only SHA-256 hashes of tokens are kept; a token is compared with every credential in
 * constant time, so neither the time taken nor an early exit tells which one came close.
 */
@Context
public final class OperatorCredentials {
    /** The name and role {@code floodgate.operator.token} signs in as. */
    public static final String TOKEN_OPERATOR_NAME = "operator";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private record Credential(Operator operator, byte[] tokenSha256) {
    }

    private final List<Credential> credentials;

    public OperatorCredentials(OperatorSettings settings) {
        this.credentials = parse(settings);
    }

    /** Whether any credential is configured: without one the operator API is switched off. */
    public boolean configured() {
        return !credentials.isEmpty();
    }

    /** The operator whose credential {@code token} is, if any. */
    public Optional<Operator> find(String token) {
        byte[] hash = sha256(token);
        Operator found = null;
        for (Credential c : credentials) {
            if (MessageDigest.isEqual(c.tokenSha256(), hash) && found == null) {
                found = c.operator();
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<Credential> parse(OperatorSettings settings) {
        List<Credential> out = new ArrayList<>();
        settings.token().filter(t -> !t.isBlank()).ifPresent(token -> out.add(new Credential(
                new Operator(TOKEN_OPERATOR_NAME, OperatorRole.OPERATOR), sha256(token))));
        List<String> entries = settings.credentials().orElse(List.of());
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).isBlank()) { // "a,,b" or a trailing comma: nothing meant, nothing refused
                out.add(entry(i + 1, entries.get(i).trim()));
            }
        }
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (Credential c : out) {
            if (!names.add(c.operator().name())) {
                throw invalid("the name '" + c.operator().name() + "' is given to two credentials"
                        + (c.operator().name().equals(TOKEN_OPERATOR_NAME) ? " (floodgate.operator.token signs in as '"
                        + TOKEN_OPERATOR_NAME + "')" : "") + "; each operator needs their own");
            }
            if (!hashes.add(HexFormat.of().formatHex(c.tokenSha256()))) {
                throw invalid("credential '" + c.operator().name() + "' has the same token as another; "
                        + "each operator needs their own token");
            }
        }
        return List.copyOf(out);
    }

    private static Credential entry(int position, String entry) {
        String[] parts = entry.split(":", -1);
        String where = "entry " + position;
        if (parts.length != 3) {
            throw invalid(where + " is not name:role:sha256-of-token");
        }
        if (!NAME.matcher(parts[0]).matches()) {
            throw invalid(where + ": the name must be 1 to 64 letters, digits or . _ @ - (starting with a letter "
                    + "or digit)");
        }
        OperatorRole role = OperatorRole.parse(parts[1]);
        if (role == null) {
            throw invalid(where + " ('" + parts[0] + "'): the role '" + parts[1] + "' is neither operator nor viewer");
        }
        if (!SHA256_HEX.matcher(parts[2]).matches()) {
            throw invalid(where + " ('" + parts[0] + "'): the token's SHA-256 must be 64 hex digits "
                    + "(printf '%s' \"$TOKEN\" | sha256sum), not the token itself");
        }
        return new Credential(new Operator(parts[0], role), HexFormat.of().parseHex(parts[2].toLowerCase()));
    }

    private static ConfigurationException invalid(String what) {
        return new ConfigurationException("floodgate.operator.credentials (FLOODGATE_OPERATOR_CREDENTIALS): " + what);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
