package io.floodgate.gateway.accesscode;

import io.floodgate.contracts.accesscode.AccessCodes;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.queue.BuyerTurnedAway;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.SaleView;
import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * The access code a join brings. The gateway checks only a code's format and passes on its hash;
 * whether the join needs a code at all (a buyer already in line keeps their place without one) and
 * whether the code is the sale's and unused is queue-service's to decide, and its refusal comes back
 * as {@link BuyerTurnedAway}.
 */
public final class JoinAccess {
    private JoinAccess() {
    }

    /** The hash to put on the arrival: null for a public sale (any code is ignored) or a join with no code. */
    public static String hashFor(SaleView sale, String typed) {
        if (!sale.config().inviteOnly() || typed == null || typed.isBlank()) {
            return null;
        }
        String code = AccessCodes.normalize(typed).orElseThrow(JoinAccess::malformed);
        return AccessCodes.hash(sale.saleId(), code);
    }

    /**
     * The join waiters (GatewayView#joins) that answer an arrival: the buyer's place, and in an
     * invite-only sale the refusal of this very arrival (a public sale refuses nobody).
     */
    public static List<String> answeredBy(SaleView sale, String buyerId, BuyerArrived arrived) {
        String place = GatewayView.joinKey(sale.saleId(), buyerId);
        return sale.config().inviteOnly() ? List.of(place, GatewayView.refusalKey(arrived.meta().eventId()))
                : List.of(place);
    }

    /** queue-service refused the arrival: 403 with the reason as the code. */
    public static ApiException refused(BuyerTurnedAway turnedAway) {
        String message = switch (turnedAway.reason()) {
            case ACCESS_CODE_USED -> "This access code has already been used by someone else. Each code admits one "
                    + "person once.";
            case ACCESS_CODE_UNKNOWN -> "This access code is not valid for this sale. Check it against the one you "
                    + "were sent.";
            case ACCESS_CODE_REQUIRED -> "This sale is by invitation: join with the access code you were sent "
                    + "(\"accessCode\").";
        };
        return new ApiException(HttpStatus.FORBIDDEN, turnedAway.reason().name(), message);
    }

    static ApiException malformed() {
        return ApiException.badRequest("INVALID_ACCESS_CODE", "An access code is " + AccessCodes.MIN_LENGTH + " to "
                + AccessCodes.MAX_LENGTH + " letters and digits (dashes and spaces between groups are fine), "
                + "such as 7KQ3-M9XD-2WHC-5RTV-8BNP.");
    }
}
