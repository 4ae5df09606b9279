package io.floodgate.payment;

import io.micronaut.runtime.Micronaut;

public final class PaymentServiceApplication {
    private PaymentServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(PaymentServiceApplication.class, args);
    }
}
