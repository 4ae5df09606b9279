package io.floodgate.gateway.pages;

import io.floodgate.gateway.identity.BuyerIdentities;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The pages people use: the buyer's page of a sale, and the operators' console (whose data needs
 * the operator token; the page itself holds nothing secret). Plain HTML and JavaScript over the
 * API (scripts under /assets), so they work in any browser, phones included.
 */
@Hidden
@Controller
public class PageController {
    private final String buyer;
    private final String console;
    private final BuyerIdentities identities;

    public PageController(ResourceResolver resources, BuyerIdentities identities) {
        this.identities = identities;
        this.buyer = read(resources, "classpath:pages/buyer.html");
        this.console = read(resources, "classpath:pages/console.html");
    }

    @Get(value = "/sales/{saleId}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> buyer(String saleId) {
        MutableHttpResponse<String> page = HttpResponse.ok(buyer).header("Cache-Control", "public, max-age=60")
                .header("Content-Security-Policy", identities.frameAncestors());
        identities.frameOptions().ifPresent(options -> page.header("X-Frame-Options", options));
        return page;
    }

    @Get(value = "/operator", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> console() {
        return HttpResponse.ok(console).header("Cache-Control", "no-store");
    }

    private static String read(ResourceResolver resources, String path) {
        try (InputStream in = resources.getResourceAsStream(path)
                .orElseThrow(() -> new IllegalStateException(path + " is missing from the build"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
