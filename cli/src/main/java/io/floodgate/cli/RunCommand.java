package io.floodgate.cli;

import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.stack.LocalStack;
import io.floodgate.kit.stack.StackSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code floodgate run [--site]}: the whole system on this machine, on embedded defaults. Buyers get
 * anonymous identities from the gateway; with {@code --site} they prove who they are with tokens
 * signed by the local demo site's key ({@code floodgate token}), as behind a ticketing platform.
 */
final class RunCommand {
    private RunCommand() {
    }

    static void main(String[] args) throws IOException, InterruptedException {
        List<String> given = List.of(args);
        if (!given.stream().allMatch("--site"::equals)) {
            System.err.println("usage: ./floodgate run [--site]");
            System.exit(2);
        }
        Path home = Path.of(".floodgate").toAbsolutePath();
        StackSettings settings = StackSettings.local(home);
        if (given.contains("--site")) {
            settings = settings.withSiteIdentity(StackSettings.localSiteKey(home));
        }
        System.out.println("Starting Kafka, PostgreSQL and the services (data and logs in " + home + ") ...");
        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping services, PostgreSQL and Kafka ...");
            stack.close();
            stopped.countDown();
        }, "floodgate-stop"));
        String demo = loadDemoSale(stack.gatewayUrl(), settings.operatorToken());
        System.out.println(banner(stack, settings, home, demo));
        stopped.await();
    }

    private static String loadDemoSale(String gatewayUrl, String operatorToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/operator/sales"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operatorToken)
                .POST(HttpRequest.BodyPublishers.ofString(DemoSale.JSON))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return switch (response.statusCode()) {
            case 201, 202 -> "demo sale '" + DemoSale.ID + "' loaded";
            case 409 -> "demo sale '" + DemoSale.ID + "' already loaded (from an earlier run)";
            default -> "could not load the demo sale: " + response.statusCode() + " " + response.body();
        };
    }

    private static String identity(StackSettings settings) {
        return settings.siteKey() == null ? "anonymous, issued by the gateway (--site: site tokens)"
                : "site tokens (issuer " + settings.siteKey().issuer() + "): ./floodgate token --buyer alice";
    }

    private static String banner(LocalStack stack, StackSettings settings, Path home, String demo) {
        StringBuilder services = new StringBuilder();
        for (FloodgateService service : FloodgateService.values()) {
            services.append(String.format("    %-18s %s/health   log: %s%n", service.module(),
                    stack.service(service).url(), stack.service(service).logFile()));
        }
        return """

                Floodgate is running.  %s
                  gateway (buyers and operators)  %s   API: %s/openapi.yml
                  Kafka bootstrap servers         %s
                  PostgreSQL                      %s (user postgres)
                  operator token                  %s
                  buyers' identity                %s
                %s
                  Try: curl -s %s/api/sales/demo
                  The README walks through buying a ticket. Ctrl-C stops everything; data stays in %s.
                """.formatted(demo, stack.gatewayUrl(), stack.gatewayUrl(), stack.bootstrapServers(), stack.jdbcUrl(),
                settings.operatorToken(), identity(settings), services, stack.gatewayUrl(), home);
    }
}
