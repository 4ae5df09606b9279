package io.floodgate.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider behind an HTTP API shaped like the common ones (and like the simulator's):
 * {@code POST /v1/charges} and {@code POST /v1/charges/{id}/refunds} with an
 * {@code Idempotency-Key} header; 402 is a decline, any other 4xx but 401, 403, 408, 409 and 429
 * a rejection of the request (both final); 429, 5xx and timeouts are failures to retry; 409 says
 * the key is in flight (ask again) or was used with other parameters (look the charge up by key).
 */
@Singleton
public final class HttpPaymentProvider implements PaymentProvider {
    /** Stripe's code (and the simulator's) for "a request with this key is still being processed". */
    static final String KEY_IN_USE = "idempotency_key_in_use";

    private final ProviderSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;

    public HttpPaymentProvider(ProviderSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Map<String, Object> body = Map.of("saleId", request.saleId(), "reference", request.reference(),
                "amountCents", request.amountCents(), "currency", request.currency(),
                "paymentMethod", request.paymentMethod());
        HttpResponse<String> response = send(post("/v1/charges", request.idempotencyKey(), body));
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return new ChargeResult.Authorized(read(response).path("chargeId").asText());
        }
        JsonNode answer = readError(response);
        String error = answer.path("error").asText();
        String said = "HTTP " + status + " " + error + ": " + answer.path("message").asText();
        if (status == 402) {
            return new ChargeResult.Declined(answer.path("declineReason").asText("declined"));
        }
        if (status == 409 && KEY_IN_USE.equals(error)) {
            throw new KeyInFlightException(said);
        }
        if (status == 409 || error.startsWith("idempotency")) {
            return new ChargeResult.KeyConflict(said);
        }
        if (notFinal(status)) {
            throw new ProviderUnavailableException("charge refused: " + said);
        }
        return new ChargeResult.Rejected(said);
    }

    /**
     * Our credentials (the same for every call) and a timeout are not this request's fault: retried,
     * and the circuit opens if they persist. Any other 4xx says the request can never succeed.
     */
    private static boolean notFinal(int status) {
        return status == 401 || status == 403 || status == 408 || status < 400 || status >= 500;
    }

    @Override
    public Optional<ProviderCharge> chargeByKey(String idempotencyKey) {
        return list("/v1/charges?idempotencyKey=" + encode(idempotencyKey)).stream().findFirst();
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        HttpResponse<String> response = send(post("/v1/charges/" + encode(request.chargeId()) + "/refunds",
                request.idempotencyKey(), Map.of()));
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return new RefundResult.Refunded(read(response).path("refund").path("refundId").asText());
        }
        JsonNode answer = readError(response);
        String error = answer.path("error").asText();
        String said = "HTTP " + status + " " + error + ": " + answer.path("message").asText();
        if (status == 409 && KEY_IN_USE.equals(error)) {
            throw new KeyInFlightException(said);
        }
        if (notFinal(status)) {
            throw new ProviderUnavailableException("refund refused: " + said);
        }
        return new RefundResult.Refused(said);
    }

    @Override
    public List<ProviderCharge> charges(String saleId) {
        return list("/v1/charges?saleId=" + encode(saleId));
    }

    private List<ProviderCharge> list(String pathAndQuery) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(settings.timeout()).GET().build());
        if (response.statusCode() != 200) {
            throw new ProviderUnavailableException("listing charges answered HTTP " + response.statusCode());
        }
        List<ProviderCharge> charges = new ArrayList<>();
        for (JsonNode c : read(response)) {
            JsonNode refund = c.path("refund");
            charges.add(new ProviderCharge(c.path("chargeId").asText(), c.path("saleId").asText(),
                    c.path("reference").asText(), c.path("amountCents").asLong(), c.path("currency").asText(),
                    "AUTHORIZED".equals(c.path("status").asText()),
                    refund.isObject() ? refund.path("refundId").asText() : null));
        }
        return charges;
    }

    private HttpRequest post(String path, String idempotencyKey, Map<String, Object> body) {
        try {
            return HttpRequest.newBuilder(uri(path)).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    /** Sends; anything short of an answer we can act on is a failure to retry. */
    private HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailableException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            String body = response.body();
            throw new ProviderUnavailableException("HTTP " + status + " " + body.substring(0, Math.min(200, body.length())));
        }
        return response;
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderUnavailableException("unreadable answer (HTTP " + response.statusCode() + ")", e);
        }
    }

    /** An error's body, or nothing if it has none we can read: a 4xx says enough by its status. */
    private JsonNode readError(HttpResponse<String> response) {
        try {
            JsonNode node = json.readTree(response.body());
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create(settings.url().toString().replaceAll("/$", "") + pathAndQuery);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
