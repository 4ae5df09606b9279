package io.floodgate.system;

import io.floodgate.kit.stack.StackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The buyer's page in headless Chromium, phone-sized, used as a person would: join, wait, choose
 * seats on the map, hold, pay. Screenshots go to target/screenshots (docs/ keeps a set).
 */
class BuyerPageTest extends StackTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * One failed call opens the payment circuit, so an outage shows on the page at once. Anonymous
     * identity, the local run's default: the page gets its identity from the gateway's cookie.
     */
    @Override
    protected StackSettings settings(Path home) {
        return StackSettings.ephemeral(home).withEnvironment(Map.of("FLOODGATE_PAYMENT_FAILURE_THRESHOLD", "1",
                "FLOODGATE_PAYMENT_OPEN_FOR", "1s"));
    }

    /**
     * Must show, anonymous mode: a second client that shares nothing with Alice but her name (her
     * buyer id, seen over her shoulder) gets nothing of hers. Naming it in the body is refused;
     * presenting it as an identity, or nothing, gets a fresh identity and its own place; her hold
     * refuses its ticket. Alice's own identity keeps her place.
     */
    @Test
    void aSecondClientThatSharesNothingWithAliceButHerNameGetsItsOwnPlaceOrA400NeverHers() {
        createSale("""
                {"saleId": "anon", "name": "Anonymous night", "currency": "EUR", "admissionRatePerSecond": 50,
                 "maxActiveShoppers": 100, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 1, "seatsPerRow": 6, "priceCents": 4500}]}""");
        Admitted alice = admitted("anon", "alice");
        GatewayClient.Reply hers = gateway.get("/api/sales/anon/status", Map.of("Floodgate-Ticket", alice.ticket()));
        String herId = hers.text("buyerId");
        assertTrue(herId.startsWith("anon-"), hers.body().toString());
        GatewayClient.Reply held = hold("anon", "{\"sectionId\":\"floor\",\"quantity\":1}",
                Map.of("Authorization", "Bearer " + alice.pass()));
        assertEquals(201, held.status(), held.body().toString());
        GatewayClient.Reply again = join("anon", "alice");
        assertEquals(herId, again.text("buyerId"), "her identity is hers on every join");
        GatewayClient.Reply stillHers = gateway.get("/api/sales/anon/status", Map.of("Floodgate-Ticket", again.text("ticket")));
        assertEquals(held.text("holdId"), stillHers.text("holdId"), "her place and hold kept: " + stillHers.body());

        GatewayClient.Reply naming = gateway.post("/api/sales/anon/queue", "{\"buyerId\":\"" + herId + "\"}", Map.of());
        assertEquals(400, naming.status(), naming.body().toString());
        assertEquals("IDENTITY_IN_BODY", naming.text("error"));
        GatewayClient.Reply namedInHeader = gateway.post("/api/sales/anon/queue", "{}", Map.of("Floodgate-Identity", herId));
        assertEquals(401, namedInHeader.status(), namedInHeader.body().toString());
        assertEquals("INVALID_IDENTITY", namedInHeader.text("error"), "a header is refused, never taken for a new buyer");
        for (Map<String, String> stranger : List.of(Map.<String, String>of(),
                Map.of("Cookie", "floodgate_identity=" + herId))) {
            GatewayClient.Reply own = gateway.post("/api/sales/anon/queue", "{}", stranger);
            assertEquals(200, own.status(), stranger + ": " + own.body());
            assertNotEquals(herId, own.text("buyerId"), stranger.toString());
            assertNotNull(own.text("identity"), "a fresh identity of its own: " + stranger);
            assertNotEquals(hers.body().path("sequence").asLong(), own.body().path("sequence").asLong());
            GatewayClient.Reply refused = gateway.get("/api/sales/anon/holds/" + held.text("holdId"),
                    Map.of("Floodgate-Ticket", own.text("ticket")));
            assertEquals(403, refused.status(), refused.body().toString());
            assertEquals("NOT_YOUR_HOLD", refused.text("error"));
        }
    }

    @Test
    void aBuyerGoesFromTheLineToAConfirmedOrderOnThePage(@TempDir Path profile) throws Exception {
        assumeTrue(Browser.available(), "needs Debian's chromium (apt-get install chromium); .ci/run installs it");
        createSale("""
                {"saleId": "page", "name": "Page night", "currency": "EUR", "admissionRatePerSecond": 100,
                 "maxActiveShoppers": 100, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 2, "seatsPerRow": 8, "priceCents": 4500},
                              {"id": "pit", "name": "Standing pit", "capacity": 50, "priceCents": 3000}]}""");
        try (Browser browser = Browser.open(profile)) {
            browser.go(stack.gatewayUrl() + "/sales/page");
            browser.awaitText("#sale-name", "Page night");
            assertTrue(browser.visible("#join"), "a newcomer is asked to join");

            browser.click("#join-button");
            browser.awaitText("#state-title", "It is your turn");
            assertTrue(browser.text("#state-meaning").contains("choose your seats"), browser.text("#status"));
            Await.until("the sections offered", () -> browser.text("#sections"), t -> t.contains("Standing pit"));

            browser.click("input[name=section][value=floor]");
            Await.until("the seat map", () -> browser.eval("document.querySelectorAll('.seat').length"),
                    n -> "16".equals(n));
            // Someone else takes B-4 after the map was drawn: the page says so and offers seats next to it.
            String rivalPass = admitted("page", "rival").pass();
            assertEquals(201, hold("page", "{\"sectionId\":\"floor\",\"seats\":[\"B-4\"]}",
                    Map.of("Authorization", "Bearer " + rivalPass)).status());
            browser.click(".seat[data-seat='B-4']");
            browser.click(".seat[data-seat='B-5']");
            browser.click("#hold-button");
            browser.awaitText("#hold-answer", "Those seats could not be held.");
            browser.click("#hold-answer button");
            browser.awaitText("#state-title", "Your seats are held");
            String held = browser.awaitText("#held-seats", "Floor: B-");
            assertTrue(!held.contains("B-4"), "the alternative leaves out the taken seat: " + held);
            Await.until("the hold's countdown", () -> browser.text("#countdown"), t -> t.matches("\\d+:\\d\\d"));
            browser.screenshot(SCREENSHOTS.resolve("buyer-holding.png"));

            // The provider is down when the buyer pays: the page says so, and what it means for them.
            GatewayClient provider = new GatewayClient(stack.paymentProviderUrl());
            assertEquals(201, provider.post("/simulator/outages", "{\"durationSeconds\": 60}", Map.of()).status());
            browser.click("#pay-button");
            browser.awaitText("#state-title", "Payment delayed");
            assertTrue(browser.text("#state-meaning").contains("Your seats stay held"), browser.text("#status"));
            assertTrue(browser.visible("#figures"), "the payment line is shown");
            browser.screenshot(SCREENSHOTS.resolve("buyer-payment-delayed.png"));
            assertEquals(204, provider.delete("/simulator/outages").status());

            browser.awaitText("#state-title", "Order confirmed");
            browser.awaitText("#order-details", held.substring(held.indexOf("Floor: ")));
            Await.sleep(java.time.Duration.ofSeconds(2));
            assertEquals("", browser.text("#connection"), "the stream ended because the order is final, not in error");
            browser.screenshot(SCREENSHOTS.resolve("buyer-purchased.png"));
        }
    }

    @Test
    void withoutServerSentEventsThePagePollsAndTabsOfOneBuyerShowTheSamePlace(@TempDir Path profile)
            throws Exception {
        assumeTrue(Browser.available(), "needs Debian's chromium (apt-get install chromium); .ci/run installs it");
        createSale("""
                {"saleId": "paused", "name": "Paused night", "currency": "EUR", "admissionRatePerSecond": 1,
                 "maxActiveShoppers": 1, "perBuyerLimit": 2,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 1, "seatsPerRow": 4, "priceCents": 4500}]}""");
        // Someone is shopping and the sale is paused: everyone after them waits.
        assertEquals(200, join("paused", "first").status());
        assertEquals(200, gateway.post("/api/operator/sales/paused/pause", "{\"reason\":\"checking the doors\"}",
                operator()).status());
        assertEquals(200, gateway.post("/api/operator/sales/paused/message",
                "{\"message\":\"Doors open again in ten minutes.\"}", operator()).status());
        for (String buyer : new String[] {"second", "third"}) {
            join("paused", buyer);
        }
        try (Browser browser = Browser.open(profile)) {
            browser.beforeEachPage("window.EventSource = undefined;"); // an old browser, or a proxy that breaks SSE
            browser.go(stack.gatewayUrl() + "/sales/paused");
            browser.click("#join-button");
            browser.awaitText("#state-title", "The sale is paused");
            browser.awaitText("#operator-message", "Doors open again in ten minutes.");
            String position = Await.until("a place shown", () -> browser.text("#position"), p -> p.matches("\\d+"));
            assertTrue(!browser.visible("#wait-box"), "no wait estimate while nothing moves");
            browser.screenshot(SCREENSHOTS.resolve("buyer-paused.png"));

            browser.eval("window.second = window.open(location.href); true");
            Await.until("the second tab showing the same place", () -> browser.eval(
                    "(window.second.document.getElementById('position') || {}).innerText || ''"), position::equals);
            assertEquals("true", browser.eval("window.second.document.getElementById('join').hidden"),
                    "the second tab does not ask to join again");
        }
    }

    /** At the default difficulty: the page's solve time is reported in docs/benchmarks.md. */
    @Test
    void aBuyerJoinsAProofOfWorkSaleFromThePageAfterItChecksTheBrowserAndSeesHowLongItTook(@TempDir Path profile)
            throws Exception {
        assumeTrue(Browser.available(), "needs Debian's chromium (apt-get install chromium); .ci/run installs it");
        createSale("""
                {"saleId": "checked", "name": "Checked night", "currency": "EUR", "admissionRatePerSecond": 100,
                 "maxActiveShoppers": 100, "perBuyerLimit": 2,
                 "sections": [{"id": "pit", "name": "Standing pit", "capacity": 50, "priceCents": 3000}]}""");
        GatewayClient.Reply on = gateway.put("/api/operator/sales/checked/proof-of-work",
                "{\"required\": true, \"reason\": \"bots in the line\"}", operator());
        assertEquals(200, on.status(), on.body().toString());
        long maxNumber = on.body().at("/proofOfWork/maxNumber").asLong();
        try (Browser browser = Browser.open(profile)) {
            browser.go(stack.gatewayUrl() + "/sales/checked");
            browser.awaitText("#sale-name", "Checked night");
            browser.eval("window.sawChecking = false; new MutationObserver(() => { window.sawChecking ||= "
                    + "!document.getElementById('pow-checking').hidden; }).observe(document.getElementById("
                    + "'pow-checking'), {attributes: true}); true");
            browser.click("#join-button");
            browser.awaitText("#state-title", "It is your turn");
            assertEquals("true", browser.eval("window.sawChecking"), "\"Checking your browser…\" was shown");
            assertTrue(browser.visible("#pow-done"), "the time it took is shown");
            String seconds = browser.text("#pow-time");
            assertTrue(seconds.matches("\\d+\\.\\d"), seconds);
            System.out.printf("BENCHMARK proof of work solved on the page (headless Chromium) at maxNumber %,d in %s s%n",
                    maxNumber, seconds);
            browser.screenshot(SCREENSHOTS.resolve("buyer-checked.png"));
        }
    }

    @Test
    void anInviteOnlySaleAsksForTheCodeAndSaysWhyOneIsRefused(@TempDir Path profile) throws Exception {
        assumeTrue(Browser.available(), "needs Debian's chromium (apt-get install chromium); .ci/run installs it");
        createSale("""
                {"saleId": "invited", "name": "Fan club presale", "currency": "EUR", "admissionRatePerSecond": 100,
                 "maxActiveShoppers": 100, "perBuyerLimit": 4, "inviteOnly": true,
                 "sections": [{"id": "pit", "name": "Standing pit", "capacity": 50, "priceCents": 3000}]}""");
        GatewayClient.Reply issued = gateway.post("/api/operator/sales/invited/access-codes", "{\"count\":1}",
                operator());
        String code = issued.raw().body().lines().skip(1).findFirst().orElseThrow().split(",")[1];
        Await.until("the code stored", () -> gateway.get("/api/operator/sales/invited/figures", operator()),
                r -> r.body().path("accessCodesIssued").asLong() == 1);
        try (Browser browser = Browser.open(profile)) {
            browser.go(stack.gatewayUrl() + "/sales/invited");
            browser.awaitText("#sale-name", "Fan club presale");
            assertTrue(browser.visible("#code-box"), "an invite-only sale asks for the code");

            browser.click("#join-button");
            browser.awaitText("#error", "enter the access code you were sent");
            browser.type("#access-code", "ABCD-EFGH");
            browser.click("#join-button");
            browser.awaitText("#error", "An access code is 16 to 32 letters and digits");
            browser.type("#access-code", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
            browser.click("#join-button");
            browser.awaitText("#error", "not valid for this sale");
            browser.type("#access-code", code.toLowerCase());
            browser.click("#join-button");
            browser.awaitText("#state-title", "It is your turn");
        }
    }

    /**
     * The operator switches proof of work off while the page is open. The page's sale info is made
     * to lag (as if its refresh raced the change), so it asks for a challenge, is told
     * PROOF_OF_WORK_OFF and joins without one instead of getting stuck.
     */
    @Test
    void aPageThatStillThinksProofOfWorkIsOnJoinsWithoutOneOnceTheOperatorSwitchedItOff(@TempDir Path profile)
            throws Exception {
        assumeTrue(Browser.available(), "needs Debian's chromium (apt-get install chromium); .ci/run installs it");
        createSale("""
                {"saleId": "unchecked", "name": "Unchecked night", "currency": "EUR", "admissionRatePerSecond": 100,
                 "maxActiveShoppers": 100, "perBuyerLimit": 2,
                 "sections": [{"id": "pit", "name": "Standing pit", "capacity": 50, "priceCents": 3000}]}""");
        String path = "/api/operator/sales/unchecked/proof-of-work";
        assertEquals(200, gateway.put(path, "{\"required\": true}", operator()).status());
        try (Browser browser = Browser.open(profile)) {
            browser.go(stack.gatewayUrl() + "/sales/unchecked");
            browser.awaitText("#sale-name", "Unchecked night");
            assertEquals(200, gateway.put(path, "{\"required\": false}", operator()).status());
            browser.eval("window.challenges = []; const realFetch = window.fetch; window.fetch = (u, i) => "
                    + "realFetch(u, i).then((r) => { if (u.endsWith('/challenge')) window.challenges.push(r.status); "
                    + "return u === api && (!i || i.method === 'GET') ? r.json().then((j) => new Response("
                    + "JSON.stringify({...j, proofOfWork: {required: true, maxNumber: 100000}}), {status: 200})) : r; }); "
                    + "true");
            browser.click("#join-button");
            browser.awaitText("#state-title", "It is your turn");
            assertEquals("409", browser.eval("window.challenges.join()"), "asked, told PROOF_OF_WORK_OFF");
            assertTrue(!browser.visible("#pow-done"), "nothing was solved");
        }
    }
}
