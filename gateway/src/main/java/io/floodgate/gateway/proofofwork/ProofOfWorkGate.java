package io.floodgate.gateway.proofofwork;

import io.floodgate.proofofwork.Challenge;
import io.floodgate.proofofwork.Challenges;
import io.floodgate.proofofwork.Verdict;
import io.floodgate.contracts.sale.ProofOfWork;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
import io.floodgate.gateway.view.SaleView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The proof of work at the gateway's door: challenges for the challenge endpoint, and the check a
 * join passes before anything is published. Answers in JSON errors what {@link Verdict} decides,
 * and counts both on /prometheus.
 */
@Singleton
public final class ProofOfWorkGate {
    static final String KEY_PURPOSE = "proof-of-work";

    private final Challenges rule;
    private final Tokens tokens;
    private final Counter issued;
    private final Map<Verdict, Counter> verified = new EnumMap<>(Verdict.class);
    private final Counter skippedWithTicket;

    public ProofOfWorkGate(Tokens tokens, ProofOfWorkSettings settings, MeterRegistry registry) {
        this.tokens = tokens;
        this.rule = new Challenges(tokens.keys(KEY_PURPOSE),
                settings.challengeLifetime(), settings.spentCapacity());
        this.issued = Counter.builder("floodgate.proof_of_work.challenges")
                .description("proof-of-work challenges issued, all sales").register(registry);
        for (Verdict v : Verdict.values()) {
            verified.put(v, verifications(registry, v.name()));
        }
        this.skippedWithTicket = verifications(registry, "HAS_PLACE");
        Gauge.builder("floodgate.proof_of_work.spent", rule, Challenges::spentRemembered)
                .description("used solutions this instance remembers until they expire").register(registry);
        FunctionCounter.builder("floodgate.proof_of_work.spent_evicted", rule, Challenges::spentEvictedEarly)
                .description("used solutions forgotten before expiry because the memory was full").register(registry);
    }

    private static Counter verifications(MeterRegistry registry, String outcome) {
        return Counter.builder("floodgate.proof_of_work.verifications").tag("outcome", outcome)
                .description("proof-of-work solutions presented with a join, by outcome, all sales").register(registry);
    }

    /** A challenge for {@code buyerId} joining {@code sale}; 409 if the sale is closed or requires none. */
    public Challenge challenge(SaleView sale, String buyerId) {
        ApiException.refuseIfClosed(sale.state());
        ProofOfWork required = sale.state().proofOfWork();
        if (!required.required()) {
            throw new ApiException(HttpStatus.CONFLICT, "PROOF_OF_WORK_OFF",
                    "Sale '" + sale.saleId() + "' needs no proof of work: join directly.");
        }
        issued.increment();
        return rule.issue(sale.saleId(), buyerId, required.maxNumber(), tokens.now());
    }

    /**
     * Lets the join through if the sale requires no proof of work, if the buyer already has a
     * place (their visitor ticket for this sale: another tab rejoining), or if {@code altcha} is
     * a genuine solution for this sale and identity (used before by it: a rejoin, e.g. after 202
     * JOINING, which the queue answers with the same place); otherwise a JSON 4xx saying why.
     */
    public void admit(SaleView sale, String buyerId, String altcha, String ticket) {
        ProofOfWork required = sale.state().proofOfWork();
        if (!required.required()) {
            return;
        }
        if (hasPlace(sale.saleId(), buyerId, ticket)) {
            skippedWithTicket.increment();
            return;
        }
        String challengeAt = "GET /api/sales/" + sale.saleId() + "/challenge";
        if (altcha == null || altcha.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "PROOF_OF_WORK_REQUIRED",
                    "This sale asks every new place for a proof of work: get a challenge from " + challengeAt
                            + ", solve it (ALTCHA, SHA-256) and join again with the solution in the field 'altcha'.",
                    List.of("challenge: " + challengeAt));
        }
        Verdict verdict = rule.verify(altcha, sale.saleId(), buyerId, required.maxNumber(), tokens.now());
        verified.get(verdict).increment();
        if (!verdict.admits()) {
            throw refused(verdict, challengeAt);
        }
    }

    private boolean hasPlace(String saleId, String buyerId, String ticket) {
        if (ticket == null || ticket.isBlank()) {
            return false;
        }
        try {
            VisitorTicket visitor = tokens.ticket(ticket, saleId);
            return visitor.buyerId().equals(buyerId);
        } catch (ApiException notAPlace) {
            return false;
        }
    }

    private static ApiException refused(Verdict verdict, String challengeAt) {
        String again = " Get a new challenge from " + challengeAt + ".";
        List<String> details = List.of("challenge: " + challengeAt);
        return switch (verdict) {
            case INVALID -> new ApiException(HttpStatus.BAD_REQUEST, "PROOF_OF_WORK_INVALID",
                    "The proof of work is not a solution of a challenge we issued." + again, details);
            case NOT_YOURS -> new ApiException(HttpStatus.FORBIDDEN, "PROOF_OF_WORK_NOT_YOURS",
                    "The proof of work was issued for another sale or another identity." + again, details);
            case EXPIRED -> new ApiException(HttpStatus.PRECONDITION_REQUIRED, "PROOF_OF_WORK_EXPIRED",
                    "The proof of work's challenge expired." + again, details);
            case TOO_EASY -> new ApiException(HttpStatus.PRECONDITION_REQUIRED, "PROOF_OF_WORK_TOO_EASY",
                    "The sale's difficulty was raised since this challenge was issued." + again, details);
            case ACCEPTED, REJOIN -> throw new IllegalArgumentException(verdict + " is not refused");
        };
    }
}
