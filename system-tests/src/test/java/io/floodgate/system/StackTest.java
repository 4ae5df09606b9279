package io.floodgate.system;

import io.floodgate.contracts.Event;
import io.floodgate.platform.kafka.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import io.floodgate.kit.stack.LocalStack;
import io.floodgate.kit.stack.SiteKey;
import io.floodgate.kit.stack.StackSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One whole system per test class: a real broker and PostgreSQL, every service its own process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StackTest {
    protected LocalStack stack;
    protected GatewayClient gateway;
    protected TopicLog topics;
    /** In anonymous mode, the identity each named client of a test was issued. */
    private final Map<String, String> anonymous = new ConcurrentHashMap<>();

    @BeforeAll
    void startEverything(@TempDir Path home) {
        stack = LocalStack.start(settings(home));
        gateway = new GatewayClient(stack.gatewayUrl());
        topics = new TopicLog(stack.bootstrapServers());
    }

    /**
     * The stack's settings; a test class that needs other configuration says so here. Buyers prove who
     * they are with site tokens (the tests play the site, signing with the stack's random key), so a test
     * names its buyers; BuyerPageTest (the page as a visitor without an account) starts an anonymous one.
     */
    protected StackSettings settings(Path home) {
        return StackSettings.ephemeral(home).withSiteIdentity(SiteKey.random());
    }

    /** The stack's own site key (site mode), to sign buyers' tokens and tokens the gateway must refuse. */
    protected SiteKey site() {
        return Objects.requireNonNull(stack.settings().siteKey(), "this class's stack runs in anonymous mode");
    }

    /**
     * The credential of the client called {@code buyerId}: in site mode the site's token for that buyer;
     * in anonymous mode the identity the gateway issued to this client's first join (nothing before it),
     * so the same name is the same client, and only that.
     */
    protected Map<String, String> as(String buyerId) {
        if (stack.settings().siteKey() != null) {
            return Map.of("Authorization", "Bearer " + site().mint(buyerId, Duration.ofMinutes(30)));
        }
        String identity = anonymous.get(buyerId);
        return identity == null ? Map.of() : Map.of("Floodgate-Identity", identity);
    }

    /** {@code headers} and one more. */
    protected static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return more;
    }

    /** Joins {@code saleId} as the client {@code buyerId} (see {@link #as}), with an empty body. */
    protected GatewayClient.Reply join(String saleId, String buyerId) {
        GatewayClient.Reply joined = gateway.post("/api/sales/" + saleId + "/queue", "{}", as(buyerId));
        if (joined.text("identity") != null) {
            anonymous.putIfAbsent(buyerId, joined.text("identity"));
        }
        return joined;
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Creates a sale through the operator API and insists it was created. */
    protected void createSale(String json) {
        GatewayClient.Reply created = gateway.post("/api/operator/sales", json, operator());
        assertEquals(201, created.status(), created.body().toString());
    }

    /** Holds as a client should: a 503 says retry after a moment (a just-created sale's seats). */
    protected GatewayClient.Reply hold(String saleId, String body, Map<String, String> headers) {
        return Await.until("an answer other than 503", () -> gateway.post("/api/sales/" + saleId + "/holds", body,
                headers), r -> r.status() != 503);
    }

    /** A buyer who joined and was admitted: their visitor ticket and admission token. */
    protected record Admitted(String ticket, String pass) {
        /** The token to check out with after {@code held}: a hold outlasting the window brings a longer one. */
        String passAfter(GatewayClient.Reply held) {
            String longer = held.text("admissionToken");
            return longer != null ? longer : pass;
        }
    }

    /** Joins {@code saleId} as {@code buyerId} and waits, as a page would, until admitted. */
    protected Admitted admitted(String saleId, String buyerId) {
        GatewayClient.Reply joined = join(saleId, buyerId);
        assertEquals(200, joined.status(), joined.body().toString());
        String ticket = joined.text("ticket");
        String pass = Await.until(buyerId + " admitted", () -> gateway.get("/api/sales/" + saleId + "/status",
                Map.of("Floodgate-Ticket", ticket)), r -> "ADMITTED".equals(r.text("state"))).text("admissionToken");
        return new Admitted(ticket, pass);
    }

    /** Writes to the topics directly: for a test playing a part (a racing gateway, a flood of requests). */
    protected KafkaProducer<String, Event> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), JsonSerde.of(Event.class));
    }

    /** A number from the orders ledger, read straight from PostgreSQL. */
    protected long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    protected Map<String, String> operator() {
        return Map.of("Authorization", "Bearer " + stack.settings().operatorToken());
    }
}
