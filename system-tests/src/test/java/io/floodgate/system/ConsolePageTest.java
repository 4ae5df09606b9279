package io.floodgate.system;

import io.floodgate.kit.stack.StackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operators' console in headless Chromium: a sale opened from it, its figures moving while
 * buyers arrive, hold and pay, and its controls acting on the sale (a pause and a message reach
 * the buyers).
 */
class ConsolePageTest extends StackTest {

    /** Site mode with the fragment path on (off by default: docs/security.md), which the page test below uses. */
    @Override
    protected StackSettings settings(Path home) {
        return super.settings(home).withEnvironment(Map.of("FLOODGATE_IDENTITY_SITE_FRAGMENT_TOKEN", "true"));
    }

    @Test
    void theFiguresMoveDuringASmallLoadAndTheControlsReachTheBuyers(@TempDir Path profile) throws Exception {
        assumeTrue(Browser.available(), "needs Debian's chromium (apt-get install chromium); .ci/run installs it");
        try (Browser browser = Browser.open(profile, 1280, 900, false)) {
            browser.go(stack.gatewayUrl() + "/operator?sale=live");
            browser.type("#operator", "console-test");
            browser.type("#token", "wrong");
            browser.eval("document.getElementById('token').dispatchEvent(new Event('change')); true");
            browser.awaitText("#error", "operator");
            browser.type("#token", stack.settings().operatorToken());
            browser.eval("document.getElementById('token').dispatchEvent(new Event('change')); true");
            Await.until("the wrong token's error gone", () -> browser.text("#error"), String::isEmpty);

            // Open the sale from the console.
            browser.type("#open-form input[name=saleId]", "live");
            browser.type("#open-form input[name=name]", "Live night");
            browser.type("#open-form input[name=admissionRatePerSecond]", "5");
            browser.type("#open-form input[name=maxActiveShoppers]", "10");
            browser.type("#open-form input[name=perBuyerLimit]", "2");
            browser.type("#open-form input[name=sections]",
                    "[{\"id\":\"pit\",\"name\":\"Pit\",\"capacity\":40,\"priceCents\":3000}]");
            browser.eval("document.getElementById('open-form').requestSubmit(); true");
            browser.awaitText("#fig-waiting", "Waiting in line");
            assertEquals("Live night", gateway.get("/api/sales/live", Map.of()).text("name"));
            assertEquals("0", browser.text("#fig-sold .value"));

            // A small load: 30 buyers join at once; some are admitted, hold one seat each and pay.
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<GatewayClient.Reply>> joins = IntStream.range(0, 30).mapToObj(i -> pool.submit(() ->
                        join("live", "b" + i))).toList();
                for (Future<GatewayClient.Reply> f : joins) {
                    assertEquals(200, f.get().status());
                }
            } finally {
                pool.shutdownNow();
            }
            Await.until("arrivals to show", () -> browser.text("#fig-waiting .value"), v -> !"0".equals(v));
            for (int i = 0; i < 3; i++) {
                buy("b" + i);
            }
            Await.until("sales to show", () -> browser.text("#fig-sold .value"), "3"::equals);
            Await.until("payment times to show", () -> browser.text("#fig-latency .value"), v -> !v.contains("–"));
            assertTrue(browser.text("#lag").contains("inventory-service"), browser.text("#lag"));
            browser.screenshot(Path.of("target", "screenshots", "console.png"));

            browser.type("#pause-form input[name=reason]", "doors jammed");
            browser.click("#pause-form button");
            browser.awaitText("#badges", "paused");
            browser.type("#message-form input[name=message]", "Back in five minutes.");
            browser.click("#message-form button");
            browser.awaitText("#badges", "Back in five minutes.");
            String ticket = join("live", "b29").text("ticket");
            GatewayClient.Reply status = gateway.get("/api/sales/live/status", Map.of("Floodgate-Ticket", ticket));
            assertEquals("PAUSED", status.text("state"), status.body().toString());
            assertEquals("Back in five minutes.", status.text("message"));
        }
    }

    /**
     * The buyer page in site mode (this class's stack): it never asks who the buyer is. Without the
     * platform's token it asks them to sign in on the ticket site and joins nobody; with the token in
     * the fragment (a redirect from the platform, with floodgate.identity.site.fragment-token on) it joins as the token's subject and drops the token
     * from the address bar.
     */
    @Test
    void inSiteModeTheBuyerPageJoinsAsThePlatformsSignedInBuyerAndWithoutATokenAsksToSignIn(@TempDir Path profiles)
            throws Exception {
        assumeTrue(Browser.available(), "needs Debian's chromium (apt-get install chromium); .ci/run installs it");
        createSale("""
                {"saleId": "signed", "name": "Signed-in night", "currency": "EUR", "admissionRatePerSecond": 50,
                 "maxActiveShoppers": 100, "perBuyerLimit": 2,
                 "sections": [{"id": "pit", "name": "Pit", "capacity": 10, "priceCents": 3000}]}""");
        try (Browser browser = Browser.open(profiles.resolve("stranger"))) {
            browser.go(stack.gatewayUrl() + "/sales/signed");
            browser.awaitText("#sale-name", "Signed-in night");
            browser.click("#join-button");
            browser.awaitText("#identity-problem", "Sign in on the ticket site");
        }
        try (Browser browser = Browser.open(profiles.resolve("pat"))) {
            browser.go(stack.gatewayUrl() + "/sales/signed#token=" + site().mint("pat", Duration.ofMinutes(5)));
            browser.awaitText("#sale-name", "Signed-in night");
            assertEquals("false", browser.eval("location.href.includes('token')"), "the token left the address bar");
            browser.click("#join-button");
            browser.awaitText("#state-title", "It is your turn");
        }
        GatewayClient.Reply pat = join("signed", "pat");
        assertEquals("pat", pat.text("buyerId"), pat.body().toString());
        assertEquals(1, gateway.get("/api/sales/signed", Map.of()).body().path("admittedThrough").asLong(),
                "one buyer in line, pat: the page without a token joined nobody");
    }

    private void buy(String buyer) {
        Admitted admitted = admitted("live", buyer);
        GatewayClient.Reply held = hold("live", "{\"sectionId\":\"pit\",\"quantity\":1}",
                Map.of("Authorization", "Bearer " + admitted.pass()));
        assertEquals(201, held.status(), held.body().toString());
        String token = admitted.passAfter(held);
        assertEquals(202, gateway.post("/api/sales/live/holds/" + held.text("holdId") + "/checkout",
                "{\"paymentMethod\":\"tok_visa\"}", Map.of("Authorization", "Bearer " + token)).status());
    }
}
