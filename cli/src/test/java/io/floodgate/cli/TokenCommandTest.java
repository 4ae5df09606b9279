package io.floodgate.cli;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.floodgate.kit.stack.SiteKey;
import io.floodgate.kit.stack.StackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) throws Exception {
        return Command.runReporting(new TokenCommand(environment), List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JWTClaimsSet verified(SiteKey key) throws Exception {
        SignedJWT jwt = SignedJWT.parse(out.toString(StandardCharsets.UTF_8).trim());
        assertTrue(jwt.verify(new MACVerifier(key.hmacSecret().getBytes(StandardCharsets.UTF_8))), "signed with the key");
        return jwt.getJWTClaimsSet();
    }

    @Test
    void mintsATokenForTheBuyerWithTheLocalRunsKeyAndPrintsACurlLine(@TempDir Path home) throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        assertEquals(0, run(Map.of(), "--buyer", "alice", "--ttl", "10m", "--home", home.toString()), err.toString());

        JWTClaimsSet claims = verified(StackSettings.localSiteKey(home));
        assertEquals("alice", claims.getSubject());
        assertEquals(SiteKey.LOCAL_ISSUER, claims.getIssuer());
        assertEquals(List.of(SiteKey.LOCAL_AUDIENCE), claims.getAudience());
        assertTrue(!claims.getIssueTime().toInstant().isBefore(before.minusSeconds(1)), "issued now");
        assertEquals(Duration.ofMinutes(10), Duration.between(claims.getIssueTime().toInstant(),
                claims.getExpirationTime().toInstant()));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("curl -s -X POST http://localhost:8080/api/sales/demo/queue -H 'Authorization: Bearer "
                + out.toString(StandardCharsets.UTF_8).trim() + "'"), said);
    }

    @Test
    void signsWithTheGatewaysOwnSettingsWhenTheyAreSet(@TempDir Path home) throws Exception {
        SiteKey platform = new SiteKey("a-platform-secret-of-at-least-32-bytes!", "https://tickets.example", "gw");
        assertEquals(0, run(platform.gatewayEnvironment(), "--buyer", "bob", "--home", home.toString()));

        JWTClaimsSet claims = verified(platform);
        assertEquals("bob", claims.getSubject());
        assertEquals("https://tickets.example", claims.getIssuer());
        assertEquals(List.of("gw"), claims.getAudience());
        assertEquals(Duration.ofMinutes(15), Duration.between(claims.getIssueTime().toInstant(),
                claims.getExpirationTime().toInstant()), "the default lifetime");
    }

    @Test
    void badArgumentsAreUsageErrorsAndPrintNoToken(@TempDir Path home) throws Exception {
        String h = home.toString();
        for (List<String> args : List.of(List.of("--home", h), List.of("--buyer", "has spaces", "--home", h),
                List.of("--buyer", "alice", "--ttl", "forever", "--home", h),
                List.of("--buyer", "alice", "--ttl", "0m", "--home", h),
                List.of("--buyer", "alice", "--ttl", "25h", "--home", h),
                List.of("--buyer", "alice", "--home", h, "extra"),
                List.of("--buyer", "alice", "--home", h, "--bogus", "x"))) {
            err.reset();
            assertEquals(2, run(Map.of(), args.toArray(String[]::new)), args.toString());
            String said = err.toString(StandardCharsets.UTF_8);
            assertTrue(said.startsWith("error: ") && said.contains("usage: ./floodgate token --buyer <id>"), said);
        }
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
