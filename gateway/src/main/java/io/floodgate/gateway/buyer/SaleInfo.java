package io.floodgate.gateway.buyer;

import io.floodgate.contracts.sale.ProofOfWork;
import io.floodgate.contracts.sale.SalePhase;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.gateway.view.PublicDraw;
import io.floodgate.gateway.view.SaleView;

import java.time.Instant;
import java.util.List;

/**
 * What anyone may know of a sale: the same for every buyer, so cacheable.
 *
 * @param draw        see {@link PublicDraw}
 * @param proofOfWork whether a join must carry a solved challenge (GET /api/sales/{id}/challenge), and how hard
 * @param inviteOnly  joining needs an access code
 */
public record SaleInfo(String saleId, String name, SalePhase phase, String message, Instant opensAt, String currency,
                       int perBuyerLimit, int admissionRatePerSecond, double measuredAdmissionRate,
                       List<Section> sections, long seatsFree,
                       long seatsHeld, long seatsSold, long preQueued, long inLine, long admittedThrough,
                       PublicDraw draw, ProofOfWork proofOfWork, boolean inviteOnly) {

    public record Section(String id, String name, boolean generalAdmission, int capacity, long priceCents) {
    }

    public static SaleInfo of(SaleView sale, Instant now) {
        SaleState state = sale.state();
        return new SaleInfo(sale.saleId(), state.config().name(), state.phase(now, sale.stock().soldOut()), state.message(),
                state.config().opensAt(), state.config().currency(), state.config().perBuyerLimit(),
                state.admissionRatePerSecond(), sale.measuredAdmissionRate(now),
                state.config().sections().stream().map(SaleInfo::section).toList(),
                sale.stock().free(), sale.stock().held(), sale.stock().sold(), sale.preQueueSize(), sale.lastSequence(),
                sale.admittedThrough(), sale.draw(), state.proofOfWork(), state.config().inviteOnly());
    }

    private static Section section(SectionConfig s) {
        return new Section(s.id(), s.name(), s.generalAdmission(), s.capacity(), s.priceCents());
    }
}
