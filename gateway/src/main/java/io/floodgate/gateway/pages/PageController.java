package io.floodgate.gateway.pages;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The pages people use: the buyer's page of a sale. Plain HTML and JavaScript over the public API
 * (scripts under /assets), so it works in any phone browser.
 */
@Hidden
@Controller
public class PageController {
    private final String buyer;

    public PageController(ResourceResolver resources) {
        this.buyer = read(resources, "classpath:pages/buyer.html");
    }

    @Get(value = "/sales/{saleId}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> buyer(String saleId) {
        return HttpResponse.ok(buyer).header("Cache-Control", "public, max-age=60");
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
