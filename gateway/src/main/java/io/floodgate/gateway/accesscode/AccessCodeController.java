package io.floodgate.gateway.accesscode;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.accesscode.AccessCodes;
import io.floodgate.contracts.accesscode.AccessCodesIssued;
import io.floodgate.contracts.queue.AccessCodesAdded;
import io.floodgate.gateway.GatewaySettings;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.auth.Operator;
import io.floodgate.gateway.publish.EventPublisher;
import io.floodgate.gateway.publish.Publishing;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.SaleView;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An invite-only sale's access codes (operator token required, like all of /api/operator). The codes
 * exist in plain text only in the answer to their generation; what is recorded is their hashes, in
 * records of at most {@link AccessCodes#MAX_PER_RECORD}.
 */
@Controller("/api/operator/sales/{saleId}/access-codes")
@ExecuteOn("operator")
public class AccessCodeController {
    /** Bad entries named in an import's refusal, at most. */
    private static final int BAD_ENTRIES_SHOWN = 10;

    private final GatewayView view;
    private final EventPublisher publisher;
    private final Tokens tokens;
    private final AccessCodeGenerator generator;
    private final GatewaySettings settings;

    public AccessCodeController(GatewayView view, EventPublisher publisher, Tokens tokens,
                                AccessCodeGenerator generator, GatewaySettings settings) {
        this.view = view;
        this.settings = settings;
        this.publisher = publisher;
        this.tokens = tokens;
        this.generator = generator;
    }

    /** An import's answer: the distinct codes recorded, and the records they took. */
    public record Imported(String saleId, int codes, int records) {
    }

    /**
     * {@code {"count": N}}: generates N codes and answers them once, as CSV (201, text/csv, an
     * attachment). {@code {"codes": [...]}}: imports the operator's own codes (201 JSON). Either way
     * 201 comes once queue-service has stored every code, so every code handed out works: 409
     * ACCESS_CODES_LIMIT if it stored not all (the sale's limit, which only queue-service counts
     * exactly), and when it does not answer in time, 503 for generated codes (none handed out) and
     * 202 for imported ones (the operator holds them; they work once stored).
     */
    @Operation(summary = "Issue access codes for an invite-only sale: generate N (answered once as CSV) or import a list")
    @Post(produces = {"text/csv", MediaType.APPLICATION_JSON})
    public CompletableFuture<HttpResponse<?>> issue(String saleId,
                                                    @RequestAttribute(Operator.ATTRIBUTE) Operator operator,
                                                    @Valid @Body AccessCodeRequest request) {
        SaleView sale = requireInviteOnly(saleId);
        if ((request.count() == null) == (request.codes() == null)) {
            throw ApiException.badRequest("BAD_REQUEST", "Give either count (codes to generate) or codes (to import).");
        }
        boolean generated = request.count() != null;
        Set<String> codes = generated ? generator.generate(request.count()) : imported(request.codes());
        if (sale.accessCodesIssued() + codes.size() > AccessCodes.MAX_PER_SALE) {
            throw new ApiException(HttpStatus.CONFLICT, "ACCESS_CODES_LIMIT", "A sale has at most "
                    + AccessCodes.MAX_PER_SALE + " access codes; this one has " + sale.accessCodesIssued() + ".");
        }
        List<AccessCodesIssued> records = chunks(saleId, codes).stream().map(hashes -> new AccessCodesIssued(
                EventMeta.of(saleId, "sale:" + saleId, EventMeta.newId(), tokens.now()), operator.name(), hashes))
                .toList();
        List<CompletableFuture<Optional<AccessCodesAdded>>> stored = records.stream().map(record -> Publishing.ask(
                view.accessCodesStored(), record.meta().eventId(), settings.answerWait(),
                () -> publisher.publish(Topics.ACCESS_CODES, saleId, record))).toList();
        return CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Optional<AccessCodesAdded>> answers = stored.stream().map(CompletableFuture::join).toList();
            int overLimit = answers.stream().flatMap(Optional::stream).mapToInt(AccessCodesAdded::overLimit).sum();
            if (overLimit > 0) {
                throw new ApiException(HttpStatus.CONFLICT, "ACCESS_CODES_LIMIT", overLimit + " of the " + codes.size()
                        + " codes were not stored: a sale has at most " + AccessCodes.MAX_PER_SALE + " access codes."
                        + (generated ? " None are handed out." : ""));
            }
            if (answers.stream().anyMatch(Optional::isEmpty)) {
                if (generated) {
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "ACCESS_CODES_UNCONFIRMED", "The codes "
                            + "were recorded but not yet confirmed as stored, so none are handed out. Ask again.");
                }
                return HttpResponse.accepted().contentType(MediaType.APPLICATION_JSON_TYPE)
                        .body(new Imported(saleId, codes.size(), records.size()));
            }
            return answer(saleId, generated, codes, records.size());
        });
    }

    private HttpResponse<?> answer(String saleId, boolean generated, Set<String> codes, int records) {
        return generated
                ? HttpResponse.status(HttpStatus.CREATED).contentType("text/csv; charset=utf-8")
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + saleId
                                + "-access-codes-" + tokens.now().getEpochSecond() + ".csv\"")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(AccessCodesCsv.of(saleId, codes))
                : HttpResponse.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON_TYPE)
                        .body(new Imported(saleId, codes.size(), records));
    }

    /** The operator's codes, normalized and distinct; any that is not a code refuses the whole import. */
    private static Set<String> imported(List<String> typed) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            int index = i;
            AccessCodes.normalize(typed.get(i)).ifPresentOrElse(codes::add, () -> bad.add("codes[" + index + "]"));
        }
        if (!bad.isEmpty()) {
            ApiException format = JoinAccess.malformed();
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_ACCESS_CODE", bad.size() + " of the codes are "
                    + "not access codes; nothing was imported. " + format.getMessage(),
                    bad.subList(0, Math.min(bad.size(), BAD_ENTRIES_SHOWN)));
        }
        return codes;
    }

    private static List<List<String>> chunks(String saleId, Set<String> codes) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (String code : codes) {
            chunk.add(AccessCodes.hash(saleId, code));
            if (chunk.size() == AccessCodes.MAX_PER_RECORD) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private SaleView requireInviteOnly(String saleId) {
        SaleView sale = view.sale(saleId).orElseThrow(() -> ApiException.unknownSale(saleId));
        if (sale.state().closed()) {
            throw new ApiException(HttpStatus.CONFLICT, "SALE_CLOSED", "Sale '" + saleId + "' is closed.");
        }
        if (!sale.config().inviteOnly()) {
            throw new ApiException(HttpStatus.CONFLICT, "NOT_INVITE_ONLY", "Sale '" + saleId + "' is open to "
                    + "everyone: access codes are for sales created with \"inviteOnly\": true.");
        }
        return sale;
    }
}
