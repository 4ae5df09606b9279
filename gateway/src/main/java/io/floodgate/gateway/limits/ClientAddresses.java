package io.floodgate.gateway.limits;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address the per-address limits count. It is the connection's peer, unless that peer is a
 * proxy the operator trusts ({@code floodgate.gateway.limits.trusted-proxies}): then it is the
 * right-most address in {@code X-Forwarded-For} that is not a trusted proxy, the last one a
 * trusted proxy vouched for. Whatever a client writes into the header itself stands to the left
 * of that and is never believed; with no trusted proxy the header is ignored.
 */
@Singleton
public final class ClientAddresses {
    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Literal addresses only: parsing anything else could start a DNS look-up. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> trusted;

    public ClientAddresses(LimitSettings settings) {
        this.trusted = settings.trustedProxies().stream().map(Range::parse).toList();
    }

    public String of(HttpRequest<?> request) {
        return resolve(request.getRemoteAddress().getAddress().getHostAddress(),
                request.getHeaders().getAll(FORWARDED_FOR));
    }

    String resolve(String peer, List<String> forwardedFor) {
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> Arrays.stream(header.split(",")).map(String::trim)
                .filter(hop -> !hop.isEmpty()).forEach(hops::add));
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!trusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    private static byte[] literal(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        if (!LITERAL.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address ({@code 10.0.0.7}) or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    private record Range(byte[] network, int prefixBits) {
        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] network = literal(parts[0].trim());
            if (network == null) {
                throw new IllegalArgumentException("floodgate.gateway.limits.trusted-proxies: '" + text
                        + "' is not an address or a CIDR range");
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : network.length * 8;
            return new Range(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
