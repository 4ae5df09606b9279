package io.floodgate.gateway.limits;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The address the per-address limits count. It is the connection's peer, unless that peer is a
 * proxy the operator trusts ({@code floodgate.gateway.limits.trusted-proxies}): then it is the
 * right-most address in {@code X-Forwarded-For} that is not a trusted proxy, the last one a
 * trusted proxy vouched for. Whatever a client writes into the header itself stands to the left
 * of that and is never believed; with no trusted proxy the header is ignored. An IPv6 client is
 * counted by its /64, the smallest network one subscriber is given, so it cannot take a fresh
 * bucket per address. Built at startup ({@link Context}) so a wrong setting stops the gateway.
 */
@Context
public final class ClientAddresses {
    static final String FORWARDED_FOR = "X-Forwarded-For";
    public static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String SETTING = "floodgate.gateway.limits.trusted-proxies";
    private static final int IPV6_NETWORK_BYTES = 8;

    private final List<IpSubnetFilterRule> trusted;

    public ClientAddresses(LimitSettings settings,
                           @Nullable @Value("${micronaut.server.client-address-header:}") String clientAddressHeader) {
        this.trusted = settings.trustedProxies().stream().map(ClientAddresses::range).toList();
        if (clientAddressHeader != null && !clientAddressHeader.isBlank() && trusted.isEmpty()) {
            // The setting earlier versions documented: ignoring it silently would count every buyer
            // behind a balancer as the balancer's one address, and shed them all at opening.
            throw new IllegalStateException("micronaut.server.client-address-header is set (" + clientAddressHeader
                    + ") but no longer decides who is asking: set " + SETTING
                    + " to the balancers' addresses or ranges instead, and remove it (docs/deploy.md, upgrading)");
        }
    }

    /** The key the per-address limits count {@code request} under. */
    public String of(HttpRequest<?> request) {
        return bucket(resolve(request.getRemoteAddress().getAddress().getHostAddress(),
                request.getHeaders().getAll(FORWARDED_FOR)));
    }

    /**
     * Whether the browser reached us over HTTPS: this connection's TLS, or the scheme a trusted
     * proxy says it was asked with (the last {@code X-Forwarded-Proto}, what the nearest proxy set).
     */
    public boolean secure(HttpRequest<?> request) {
        return request.isSecure() || (fromTrustedProxy(request)
                && "https".equalsIgnoreCase(lastForwarded(request.getHeaders().getAll(FORWARDED_PROTO))));
    }

    /** The right-most of comma-separated values over every header line, or null. */
    public static String lastForwarded(List<String> headers) {
        String last = null;
        for (String header : headers) {
            for (String value : header.split(",")) {
                if (!value.isBlank()) {
                    last = value.trim();
                }
            }
        }
        return last;
    }

    /** Whether the connection's peer is a trusted proxy, whose forwarded headers are believed. */
    public boolean fromTrustedProxy(HttpRequest<?> request) {
        return trusted(request.getRemoteAddress().getAddress().getHostAddress());
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

    static String bucket(String address) {
        byte[] bytes = literal(address);
        if (bytes == null || bytes.length != 16) {
            return address;
        }
        Arrays.fill(bytes, IPV6_NETWORK_BYTES, bytes.length, (byte) 0);
        return NetUtil.bytesToIpAddress(bytes) + "/64";
    }

    private boolean trusted(String address) {
        byte[] bytes = literal(address);
        if (bytes == null || trusted.isEmpty()) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(inet(bytes), 0);
        return trusted.stream().anyMatch(range -> range.matches(socket));
    }

    /** The bytes of a literal address, or null: never a name, so never a DNS look-up. */
    private static byte[] literal(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        return NetUtil.createByteArrayFromIpAddressString(bare);
    }

    private static InetAddress inet(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // only for a length other than 4 or 16, which literal never gives
        }
    }

    /** An address ({@code 10.0.0.7}) or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    private static IpSubnetFilterRule range(String text) {
        String[] parts = text.split("/", 2);
        byte[] network = literal(parts[0].trim());
        int maxBits = network == null ? 0 : network.length * 8;
        int bits;
        try {
            bits = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : maxBits;
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (network == null || bits < 0 || bits > maxBits) {
            throw new IllegalArgumentException(SETTING + ": '" + text + "' is not an address or a CIDR range "
                    + "(an address, or an address / a prefix length from 0 to " + (maxBits == 0 ? "32 or 128" : maxBits)
                    + ")");
        }
        return new IpSubnetFilterRule(inet(network), bits, IpFilterRuleType.ACCEPT);
    }
}
