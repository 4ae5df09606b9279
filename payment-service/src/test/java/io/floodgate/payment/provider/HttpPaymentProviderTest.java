package io.floodgate.payment.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How each kind of answer is read, against a server that answers what the test says. */
class HttpPaymentProviderTest {
    private HttpServer server;
    private volatile int status;
    private volatile String body;
    private HttpPaymentProvider provider;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        provider = new HttpPaymentProvider(new ProviderSettings("test",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5)),
                new ObjectMapper());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ChargeResult answering(int status, String body) {
        this.status = status;
        this.body = body;
        return provider.charge(new ChargeRequest("floodgate-hold-h1", "demo", "h1", 4_200, "EUR", "tok_x"));
    }

    @Test
    void aRequestTheProviderWillNeverAcceptIsARejectionNotAFailureToRetry() {
        ChargeResult.Rejected invalid = assertInstanceOf(ChargeResult.Rejected.class, answering(400,
                "{\"error\":\"invalid_payment_method\",\"message\":\"payment method tok_x is not valid\"}"));
        assertTrue(invalid.reason().contains("invalid_payment_method"), invalid.reason());
        assertInstanceOf(ChargeResult.Rejected.class, answering(422, "{\"error\":\"unprocessable\"}"));
        assertInstanceOf(ChargeResult.Rejected.class, answering(404, "not json at all"));
    }

    @Test
    void aKeyInFlightIsToBeAskedAgainAndAKeyUsedWithOtherParametersIsToBeLookedUp() {
        assertThrows(KeyInFlightException.class, () -> answering(409,
                "{\"error\":\"idempotency_key_in_use\",\"message\":\"still being processed\"}"));
        assertInstanceOf(ChargeResult.KeyConflict.class, answering(409,
                "{\"error\":\"idempotency_conflict\",\"message\":\"first used for a different charge\"}"));
        assertInstanceOf(ChargeResult.KeyConflict.class, answering(400,
                "{\"error\":\"idempotency_error\",\"message\":\"same parameters only\"}"));
    }

    @Test
    void ourCredentialsTimeoutsOverloadAndServerErrorsAreRetriedAndADeclineIsADecline() {
        for (int retried : new int[]{401, 403, 408, 429, 500, 503}) {
            assertThrows(ProviderUnavailableException.class, () -> answering(retried, "{}"), "HTTP " + retried);
        }
        assertEquals(new ChargeResult.Declined("card_declined"), answering(402, "{\"declineReason\":\"card_declined\"}"));
        assertEquals(new ChargeResult.Authorized("ch_1"), answering(201, "{\"chargeId\":\"ch_1\"}"));
    }

    @Test
    void aChargeIsFoundByItsIdempotencyKey() {
        status = 200;
        body = "[{\"chargeId\":\"ch_1\",\"saleId\":\"demo\",\"reference\":\"h1\",\"amountCents\":4200,"
                + "\"currency\":\"EUR\",\"status\":\"AUTHORIZED\"}]";
        assertEquals("ch_1", provider.chargeByKey("floodgate-hold-h1").orElseThrow().chargeId());
        body = "[]";
        assertTrue(provider.chargeByKey("floodgate-hold-h2").isEmpty());
    }

    @Test
    void aRefundIsRefusedOnlyByAnAnswerThatCanNeverChange() {
        status = 404;
        body = "{\"error\":\"unknown_charge\",\"message\":\"no charge ch_1\"}";
        RefundRequest refund = new RefundRequest("floodgate-refund-h1", "ch_1");
        assertInstanceOf(RefundResult.Refused.class, provider.refund(refund));
        status = 409;
        body = "{\"error\":\"idempotency_key_in_use\"}";
        assertThrows(KeyInFlightException.class, () -> provider.refund(refund));
        status = 401;
        assertThrows(ProviderUnavailableException.class, () -> provider.refund(refund));
    }
}
