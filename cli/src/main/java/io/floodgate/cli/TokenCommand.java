package io.floodgate.cli;

import io.floodgate.contracts.identity.BuyerIds;
import io.floodgate.kit.stack.SiteKey;
import io.floodgate.kit.stack.StackSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code floodgate token --buyer alice}: the site token a ticketing platform would sign for its
 * logged-in user, for the local demo in site mode ({@code ./floodgate run --site}). It signs with
 * the key the gateway reads: the {@code FLOODGATE_IDENTITY_SITE_*} settings when they are set,
 * otherwise the local run's demo key in its home. The token alone goes to standard output (for
 * {@code $(...)}); a ready curl line to standard error.
 */
public final class TokenCommand implements Command {
    /** A demo token lasts minutes; a day is the most it may. */
    private static final Duration MAX_TTL = Duration.ofDays(1);
    private static final Pattern TTL = Pattern.compile("([1-9][0-9]{0,5})([smh])");
    /** The gateway's rule for a buyer id, so a token it would refuse is never printed. */
    private static final Map<String, String> OPTIONS = Map.of("--buyer", "", "--ttl", "15m",
            "--home", ".floodgate", "--gateway", "http://localhost:8080", "--sale", "demo");

    private final Map<String, String> environment;

    public TokenCommand() {
        this(System.getenv());
    }

    /** @param environment where the gateway's settings are looked for first */
    public TokenCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String usage() {
        return "./floodgate token --buyer <id> [--ttl 15m] [--home .floodgate] [--gateway http://localhost:8080] [--sale demo]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(args, OPTIONS, Set.of());
        if (!o.positionals().isEmpty()) {
            throw new UsageException("unexpected " + o.positionals().get(0));
        }
        String buyer = o.get("--buyer");
        if (!BuyerIds.validSiteSubject(buyer)) {
            throw new UsageException(buyer.isEmpty() ? "--buyer is required"
                    : "--buyer must be " + BuyerIds.SITE_SUBJECT_RULE);
        }
        Duration ttl = ttl(o.get("--ttl"));
        SiteKey key = SiteKey.fromEnvironment(environment)
                .orElseGet(() -> StackSettings.localSiteKey(Path.of(o.get("--home")).toAbsolutePath()));
        String token = key.mint(buyer, ttl);
        out.println(token);
        err.printf("site token for %s (issuer %s, audience %s), good for %s. Join as %s:%n"
                        + "curl -s -X POST %s/api/sales/%s/queue -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' -d '{}'%n",
                buyer, key.issuer(), key.audience(), o.get("--ttl"), buyer, o.get("--gateway"), o.get("--sale"), token);
        return 0;
    }

    /** {@code 90s}, {@code 15m}, {@code 2h}: positive, at most a day. */
    static Duration ttl(String text) throws UsageException {
        Matcher m = TTL.matcher(text);
        if (!m.matches()) {
            throw new UsageException("--ttl takes a number and a unit: 90s, 15m or 2h");
        }
        long n = Long.parseLong(m.group(1));
        Duration ttl = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new UsageException("--ttl is at most 24h: a demo token");
        }
        return ttl;
    }
}
