package io.floodgate.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * A provider behind an HTTP API shaped like the common ones (and like the simulator's):
 * {@code POST /v1/charges} and {@code POST /v1/charges/{id}/refunds} with an
 * {@code Idempotency-Key} header; 402 is a decline; 429, 5xx and timeouts are failures to retry.
 */
@Singleton
public final class HttpPaymentProvider implements PaymentProvider {
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
        JsonNode answer = read(response);
        return switch (response.statusCode()) {
            case 200, 201 -> new ChargeResult.Authorized(answer.path("chargeId").asText());
            case 402 -> new ChargeResult.Declined(answer.path("declineReason").asText("declined"));
            case 409 -> new ChargeResult.AlreadyRequested(answer.path("message").asText());
            // Anything else (401, 404, ...) is our configuration or the provider's fault, never the
            // buyer's: retried (and alerted on), not turned into a decline.
            default -> throw new ProviderUnavailableException("charge refused: HTTP " + response.statusCode() + " "
                    + answer.path("error").asText());
        };
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        HttpResponse<String> response = send(post("/v1/charges/" + encode(request.chargeId()) + "/refunds",
                request.idempotencyKey(), Map.of()));
        JsonNode answer = read(response);
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            return new RefundResult.Refunded(answer.path("refund").path("refundId").asText());
        }
        return new RefundResult.Refused("HTTP " + response.statusCode() + " " + answer.path("error").asText() + ": "
                + answer.path("message").asText());
    }

    @Override
    public List<ProviderCharge> charges(String saleId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/charges?saleId=" + encode(saleId)))
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

    private URI uri(String pathAndQuery) {
        return URI.create(settings.url().toString().replaceAll("/$", "") + pathAndQuery);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
