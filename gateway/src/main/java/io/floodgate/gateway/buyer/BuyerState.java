package io.floodgate.gateway.buyer;

/**
 * Every state a buyer can be told, each with plain words and what to do next. A buyer is always
 * in exactly one of these: never a silent spinner, never a bare timeout.
 */
public enum BuyerState {
    JOINING("Your place in line is being recorded.",
            "Send the same join request again in a moment; you keep your place."),
    PRE_QUEUE("You are in the waiting room before the sale opens. Everyone here when it opens gets a "
            + "place in line drawn at random, so arriving early gives no advantage.",
            "Keep this page open; your place is drawn when the sale opens."),
    WAITING("You are in line.",
            "Keep this page open; you will be let in when it is your turn."),
    ADMITTED("It is your turn: choose your seats before your shopping window ends.",
            "Hold seats with your admission token."),
    ADMITTED_PAUSED("It is your turn, but the sale is paused. Your shopping window stops while it is paused "
            + "and goes on when it resumes.",
            "Keep this page open; hold seats with your admission token once the sale resumes."),
    ADMISSION_EXPIRED("Your shopping window ended before you held seats.",
            "Your turn in this sale has passed."),
    PAUSED("The sale is paused. You keep your place, and no time runs out while it is paused.",
            "Keep this page open; the sale will resume."),
    SOLD_OUT("Every seat has been sold.",
            "Nothing more can be bought in this sale; you can leave the line."),
    CLOSED("The sale is closed.",
            "Nothing more can be bought in this sale."),
    HOLD_PENDING("Your seats are being reserved.",
            "Check your hold again in a moment."),
    HOLDING("Your seats are held for you until the hold expires.",
            "Check out before the hold expires."),
    HOLD_REJECTED("Those seats could not be held.",
            "Choose another section or fewer seats."),
    PAYING("Your payment is in line for the payment provider, which takes payments at a steady pace.",
            "Wait for the result; your seats stay held while you wait. Do not pay again."),
    PAYMENT_DELAYED("The payment provider is not answering at the moment. Your seats stay held for you however "
            + "long it takes, and your payment goes through, in its turn, as soon as the provider answers.",
            "Keep this page open or come back later; do not pay again."),
    PURCHASED("Your order is confirmed.",
            "Read your order."),
    HOLD_EXPIRED("Your hold expired and the seats were released.",
            "Hold seats again if your shopping window is still open."),
    PAYMENT_DECLINED("Your payment was declined and the seats were released.",
            "If your shopping window is still open, hold seats again and pay with another method."),
    HOLD_ENDED_BEFORE_PAYMENT("Your payment arrived after your hold had ended, so nothing was sold.",
            "Your payment is refunded in full; hold seats again while your shopping window lasts.");

    private final String meaning;
    private final String next;

    /**
     * As a status, nothing more will happen to the buyer by itself: streams end here. (The buyer may
     * still act: after a payment that came too late, hold again while the window lasts. A hold that
     * expired or was declined shows in the status only once the window is over; within it they are
     * ADMITTED again.)
     */
    public boolean terminal() {
        return this == PURCHASED || this == SOLD_OUT || this == CLOSED || this == ADMISSION_EXPIRED
                || this == HOLD_EXPIRED || this == PAYMENT_DECLINED || this == HOLD_ENDED_BEFORE_PAYMENT;
    }

    /** When to ask again about a hold in this state, or null when nothing will change by itself. */
    public Long pollAfterMs() {
        return switch (this) {
            case HOLD_PENDING -> 500L;
            case PAYING -> 2_000L;
            case PAYMENT_DELAYED -> 5_000L;
            case HOLDING -> 5_000L;
            default -> null;
        };
    }

    BuyerState(String meaning, String next) {
        this.meaning = meaning;
        this.next = next;
    }

    public String meaning() {
        return meaning;
    }

    public String next() {
        return next;
    }
}
