package io.floodgate.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium, driven over the DevTools protocol the way a person uses a page:
 * load it, type, click, read what it shows, take a screenshot. No driver library: a WebSocket
 * and a few protocol methods.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** A fresh browser with a phone-sized window. */
    static Browser open(Path profile) throws Exception {
        return open(profile, 390, 844, true);
    }

    static Browser open(Path profile, int width, int height, boolean mobile) throws Exception {
        Process process = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "chromium-output");
        drain.setDaemon(true);
        drain.start();
        int devtools = port.get(30, TimeUnit.SECONDS);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + devtools + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                page = target.path("webSocketDebuggerUrl").asText();
            }
        }
        Browser browser = new Browser(process, http, page);
        browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        return browser;
    }

    private Browser(Process process, HttpClient http, String page) throws Exception {
        this.process = process;
        this.socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).get(10, TimeUnit.SECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> waiting = pending.remove(message.path("id").asInt(-1));
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }

    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true);
        JsonNode message = answer.get(30, TimeUnit.SECONDS);
        if (message.has("error")) {
            throw new IllegalStateException(method + ": " + message.get("error"));
        }
        return message.path("result");
    }

    /** Runs {@code script} in every page before its own scripts (to take a feature away, say). */
    void beforeEachPage(String script) throws Exception {
        send("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    void go(String url) throws Exception {
        send("Page.navigate", Map.of("url", url));
        Await.until("the page loaded", () -> eval("document.readyState"), "complete"::equals);
    }

    /** Evaluates JavaScript in the page and returns the result as text. */
    String eval(String expression) {
        try {
            // As if the person did it: a click may open a tab.
            JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                    "awaitPromise", true, "userGesture", true)).path("result");
            return result.path("value").isMissingNode() ? null : result.path("value").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String selector) {
        return eval("(document.querySelector(" + quote(selector) + ") || {}).innerText || ''");
    }

    boolean visible(String selector) {
        return "true".equals(eval("(() => { const e = document.querySelector(" + quote(selector)
                + "); return !!e && !e.hidden && e.offsetParent !== null; })()"));
    }

    void type(String selector, String value) {
        eval("(() => { const e = document.querySelector(" + quote(selector) + "); e.value = " + quote(value)
                + "; e.dispatchEvent(new Event('input')); })()");
    }

    void click(String selector) {
        eval("document.querySelector(" + quote(selector) + ").click()");
    }

    /** Waits until the element shows text containing {@code expected}; returns what it shows. */
    String awaitText(String selector, String expected) {
        return Await.until(selector + " to show '" + expected + "'", () -> text(selector), t -> t.contains(expected));
    }

    void screenshot(Path file) throws Exception {
        String png = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true))
                .path("data").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.abort();
        // Chromium's renderers and helpers are its children; all must be gone before its profile is deleted.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("chromium process " + p.pid() + " did not stop", e);
            }
        }
    }
}
