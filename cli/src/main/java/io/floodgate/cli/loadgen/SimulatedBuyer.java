package io.floodgate.cli.loadgen;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One buyer, as a person with a browser would act over the public API: join, follow their status
 * at the pace the answers ask for, hold seats in the section they prefer when admitted (taking the
 * offered alternative once), pay, and follow the payment to its end. Retries what the API says to
 * retry; ends in one explicit state.
 */
final class SimulatedBuyer {
    private static final int MAX_RETRIES = 30;
    private static final long DEFAULT_POLL_MS = 1000;
    /** States of the status after which nothing more happens to the buyer. */
    private static final Set<String> FINAL_STATES = Set.of("SOLD_OUT", "CLOSED", "ADMISSION_EXPIRED", "PURCHASED",
            "HOLD_EXPIRED", "PAYMENT_DECLINED", "HOLD_ENDED_BEFORE_PAYMENT");

    private final String saleId;
    private final String buyerId;
    /** The site token that proves the buyer is {@code buyerId}: the gateway runs in site mode. */
    private final Map<String, String> credential;
    private final Http http;
    private final ScheduledExecutorService timer;
    private final SplittableRandom random;
    private final LoadPlan plan;
    private final Consumer<SimulatedBuyer> finished;
    /** How long after arriving the buyer gives up waiting; MAX_VALUE for those who never do. */
    private final long patienceNanos;
    private final boolean opensSecondTab;
    private volatile long abandonAtNanos = Long.MAX_VALUE;
    private String ticket;
    private String pass;
    private String holdId;
    private boolean triedAlternative;
    private boolean triedOtherSection;
    private int retries;
    private volatile String lastState = "NOT_ARRIVED";
    /** The gateway answered a join 200 or 202: it says the arrival is in the log. */
    private volatile boolean arrivalAcknowledged;
    private volatile String outcome;
    private List<String> seats = List.of();
    /** A status stream is open (with {@code --sse}). */
    private volatile boolean streaming;
    private String sectionId;

    SimulatedBuyer(String saleId, String buyerId, String siteToken, Http http, ScheduledExecutorService timer, long seed,
                   LoadPlan plan, Consumer<SimulatedBuyer> finished) {
        this.saleId = saleId;
        this.buyerId = buyerId;
        this.credential = Map.of("Authorization", "Bearer " + siteToken);
        this.http = http;
        this.timer = timer;
        // Not java.util.Random: its first draws for neighbouring seeds are nearly equal, which made
        // hundreds of consecutive buyers abandon together (and share seat choices).
        this.random = new SplittableRandom(seed);
        this.plan = plan;
        this.finished = finished;
        this.patienceNanos = random.nextDouble() < plan.abandonShare()
                ? (long) (random.nextDouble() * 30e9) : Long.MAX_VALUE;
        this.opensSecondTab = random.nextDouble() < plan.duplicateTabShare();
        this.sectionId = prefersFirstSection(random) ? "floor" : "balcony";
    }

    /** Whether a buyer prefers the first of the sale's two sections (60 %) to the second. */
    static boolean prefersFirstSection(SplittableRandom random) {
        return random.nextInt(100) < 60;
    }

    /** Seats a buyer asks for in one hold: 1 (70 %) or 2. */
    static int seatsWanted(SplittableRandom random) {
        return random.nextInt(100) < 70 ? 1 : 2;
    }

    String buyerId() {
        return buyerId;
    }

    /** The visitor ticket the gateway gave, or null before a join was answered. */
    String ticket() {
        return ticket;
    }

    boolean arrivalAcknowledged() {
        return arrivalAcknowledged;
    }

    String outcome() {
        return outcome;
    }

    String lastState() {
        return lastState;
    }

    /** The seats bought (for the oversold check), as section/seat. */
    List<String> seatsBought() {
        List<String> out = new ArrayList<>();
        seats.forEach(s -> out.add(sectionId + "/" + s));
        return out;
    }

    void arrive() {
        if (patienceNanos != Long.MAX_VALUE) {
            abandonAtNanos = System.nanoTime() + patienceNanos;
        }
        join();
        if (opensSecondTab) {
            timer.schedule(this::secondTab, 500, TimeUnit.MILLISECONDS);
        }
    }

    private String path(String rest) {
        return "/api/sales/" + saleId + rest;
    }

    private CompletableFuture<Http.Reply> postJoin() {
        return http.post("join", path("/queue"), "{}", credential);
    }

    private void join() {
        postJoin().thenAccept(r -> {
            if (r.status() == 200 || r.status() == 202) {
                arrivalAcknowledged = true;
            }
            if (r.status() == 200) {
                ticket = r.text("ticket");
                onStatus(r);
            } else {
                retryOrGiveUp(r, this::join);
            }
        });
    }

    /** A second tab: the same buyer joins again (keeping the place) and watches the status until the first tab is done. */
    private void secondTab() {
        postJoin().thenAccept(r -> watch(r.text("ticket")));
    }

    private void watch(String tabTicket) {
        if (outcome != null || tabTicket == null) {
            return;
        }
        http.get("status", path("/status"), Map.of("Floodgate-Ticket", tabTicket)).thenAccept(r ->
                timer.schedule(() -> watch(tabTicket), pollAfter(r), TimeUnit.MILLISECONDS));
    }

    private void pollStatus() {
        if (System.nanoTime() > abandonAtNanos) {
            finish("ABANDONED");
            return;
        }
        http.get("status", path("/status"), Map.of("Floodgate-Ticket", ticket)).thenAccept(r -> {
            if (r.status() == 200) {
                onStatus(r);
            } else {
                retryOrGiveUp(r, this::pollStatus);
            }
        });
    }

    private void onStatus(Http.Reply r) {
        retries = 0;
        String state = r.text("state");
        lastState = state;
        if ("ADMITTED".equals(state)) {
            pass = r.text("admissionToken");
            hold();
        } else if (state != null && FINAL_STATES.contains(state)) {
            finish(state);
        } else if (!plan.sse()) {
            timer.schedule(this::pollStatus, pollAfter(r), TimeUnit.MILLISECONDS);
        } else if (!streaming) {
            followStream();
        }
    }

    /**
     * Follows the status as Server-Sent Events until it asks the buyer to act or is final. A stream
     * that ends otherwise (the gateway died, say) is followed by a status read, which opens a new one.
     */
    private void followStream() {
        streaming = true;
        http.stream("status-stream", path("/status/stream"), Map.of("Floodgate-Ticket", ticket), status -> {
            if (System.nanoTime() > abandonAtNanos) {
                streaming = false;
                finish("ABANDONED");
                return false;
            }
            String state = status.path("state").asText("");
            lastState = state;
            if (!state.equals("ADMITTED") && !FINAL_STATES.contains(state)) {
                return true;
            }
            streaming = false;
            onStatus(new Http.Reply(200, status, DEFAULT_POLL_MS));
            return false;
        }, () -> {
            streaming = false;
            if (outcome == null) {
                timer.schedule(this::pollStatus, DEFAULT_POLL_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void hold() {
        String quantity = Integer.toString(seatsWanted(random));
        http.post("hold", path("/holds"), "{\"sectionId\":\"" + sectionId + "\",\"quantity\":" + quantity + "}",
                Map.of("Authorization", "Bearer " + pass)).thenAccept(this::onHold);
    }

    private void onHold(Http.Reply r) {
        lastState = r.text("state") != null ? r.text("state") : "HTTP " + r.status();
        if (r.text("admissionToken") != null) {
            pass = r.text("admissionToken");
        }
        if (r.status() == 201 || "HOLDING".equals(r.text("state"))) {
            retries = 0;
            holdId = r.text("holdId");
            seats = seatsOf(r.body());
            sectionId = r.text("sectionId") != null ? r.text("sectionId") : sectionId;
            if (random.nextDouble() < plan.checkoutShare()) {
                checkout();
            } else {
                finish("DID_NOT_PAY");
            }
        } else if (r.status() == 202) {
            holdId = r.text("holdId");
            timer.schedule(this::pollHold, pollAfter(r), TimeUnit.MILLISECONDS);
        } else if (r.status() == 409 && "HOLD_REJECTED".equals(r.text("state"))) {
            rejected(r);
        } else if (r.status() == 409 && "SOLD_OUT".equals(r.body().path("error").asText())) {
            finish("SOLD_OUT");
        } else if (r.status() == 401 || r.status() == 403) {
            // The admission token ran out with the window: the status says how the buyer stands now.
            tryAgain();
        } else {
            retryOrGiveUp(r, this::hold);
        }
    }

    private void rejected(Http.Reply r) {
        String rejectedHold = r.text("holdId");
        if (!triedAlternative && r.body().path("alternative").isObject() && rejectedHold != null) {
            triedAlternative = true;
            http.post("hold", path("/holds/" + rejectedHold + "/alternative"), "{}",
                    Map.of("Authorization", "Bearer " + pass)).thenAccept(this::onHold);
        } else if (!triedOtherSection) {
            triedOtherSection = true;
            sectionId = sectionId.equals("floor") ? "balcony" : "floor";
            hold();
        } else {
            // Nothing free where they would sit: held seats may come back, so try again while the
            // window lasts; the status says when it is over (SOLD_OUT, ADMISSION_EXPIRED).
            timer.schedule(this::tryAgain, 2, TimeUnit.SECONDS);
        }
    }

    private void tryAgain() {
        http.get("status", path("/status"), Map.of("Floodgate-Ticket", ticket)).thenAccept(s -> {
            if ("ADMITTED".equals(s.text("state"))) {
                pass = s.text("admissionToken");
                triedAlternative = false;
                triedOtherSection = false;
                hold();
            } else if (s.status() == 200) {
                onStatus(s);
            } else {
                retryOrGiveUp(s, this::tryAgain);
            }
        });
    }

    private void pollHold() {
        http.get("hold-status", path("/holds/" + holdId), Map.of("Floodgate-Ticket", ticket)).thenAccept(r -> {
            String state = r.text("state");
            lastState = state != null ? state : "HTTP " + r.status();
            if (r.status() != 200) {
                retryOrGiveUp(r, this::pollHold);
            } else if ("HOLDING".equals(state) && seats.isEmpty()) {
                onHold(r);
            } else if ("HOLDING".equals(state) && r.text("admissionToken") != null && retries++ < MAX_RETRIES) {
                // Checkout was refused for a token that ran out: the hold's read brings one that lasts.
                pass = r.text("admissionToken");
                checkout();
            } else if ("PURCHASED".equals(state)) {
                seats = seatsOf(r.body());
                finish(state);
            } else if ("HOLD_REJECTED".equals(state)) {
                rejected(r);
            } else if (List.of("PAYMENT_DECLINED", "HOLD_EXPIRED", "HOLD_ENDED_BEFORE_PAYMENT").contains(state)) {
                finish(state);
            } else {
                timer.schedule(this::pollHold, pollAfter(r), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void checkout() {
        http.post("checkout", path("/holds/" + holdId + "/checkout"), "{\"paymentMethod\":\"tok_visa\"}",
                Map.of("Authorization", "Bearer " + pass)).thenAccept(r -> {
            if (r.status() == 202 || r.status() == 200) {
                retries = 0;
                timer.schedule(this::pollHold, pollAfter(r), TimeUnit.MILLISECONDS);
            } else if (r.status() == 409 || r.status() == 410 || r.status() == 401) {
                // Already paying, or the token ran out with the window: the hold's read says which,
                // and brings a token that lasts as long as the hold.
                pollHold();
            } else {
                retryOrGiveUp(r, this::checkout);
            }
        });
    }

    /** 429 and 503 say when to come back; a network failure is tried again after a second. */
    private void retryOrGiveUp(Http.Reply r, Runnable again) {
        if (++retries > MAX_RETRIES) {
            finish("GAVE_UP_AFTER_ERRORS");
            return;
        }
        timer.schedule(again, Math.max(200, r.retryAfterMs()), TimeUnit.MILLISECONDS);
    }

    private static long pollAfter(Http.Reply r) {
        long ms = r.body().path("pollAfterMs").asLong(DEFAULT_POLL_MS);
        return Math.max(100, Math.min(ms, 5000));
    }

    private static List<String> seatsOf(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("seats").forEach(s -> out.add(s.asText()));
        return out;
    }

    private synchronized void finish(String how) {
        if (outcome == null) {
            outcome = how;
            finished.accept(this);
        }
    }
}
