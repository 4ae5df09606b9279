package io.floodgate.queue;

import io.micronaut.runtime.Micronaut;

public final class QueueServiceApplication {
    private QueueServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(QueueServiceApplication.class, args);
    }
}
