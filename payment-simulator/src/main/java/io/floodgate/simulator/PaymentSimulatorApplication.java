package io.floodgate.simulator;

import io.micronaut.runtime.Micronaut;

/** A stand-in payment provider on its own port, so payment-service talks to it over real HTTP. */
public final class PaymentSimulatorApplication {
    private PaymentSimulatorApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(PaymentSimulatorApplication.class, args);
    }
}
