package io.floodgate.cli.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.floodgate.contracts.json.EventJson;

import java.util.concurrent.Flow;
import java.util.function.Predicate;

/**
 * Reads a Server-Sent Events stream line by line and hands each event's JSON data on; the handler
 * answers whether to keep listening. Only {@code data:} lines matter here: the gateway names each
 * event after its state, which the JSON carries too.
 */
final class SseEvents implements Flow.Subscriber<String> {
    private final Predicate<JsonNode> onEvent;
    private final Runnable onFirstEvent;
    private final StringBuilder data = new StringBuilder();
    private Flow.Subscription subscription;
    private boolean first = true;
    private volatile boolean closedByUs;

    SseEvents(Predicate<JsonNode> onEvent, Runnable onFirstEvent) {
        this.onEvent = onEvent;
        this.onFirstEvent = onFirstEvent;
    }

    /** True once the handler asked to stop: the stream's end is then ours, not news. */
    boolean closedByUs() {
        return closedByUs;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (closedByUs) {
            return;
        }
        if (line.startsWith("data:")) {
            data.append(line.substring(5).trim());
            return;
        }
        if (!line.isEmpty() || data.isEmpty()) {
            return;
        }
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(data.toString());
        } catch (Exception e) {
            event = EventJson.mapper().createObjectNode();
        }
        data.setLength(0);
        if (first) {
            first = false;
            onFirstEvent.run();
        }
        if (!onEvent.test(event)) {
            closedByUs = true;
            subscription.cancel();
        }
    }

    @Override
    public void onError(Throwable t) {
        // the response future reports it
    }

    @Override
    public void onComplete() {
        // the response future reports it
    }
}
