package io.floodgate.kit.process;

/**
 * The processes of a local run, each a Maven module with a main class and an HTTP health endpoint:
 * the four services, and the simulated payment provider they pay through.
 */
public enum FloodgateService {
    GATEWAY("gateway", "io.floodgate.gateway.GatewayApplication"),
    QUEUE("queue-service", "io.floodgate.queue.QueueServiceApplication"),
    INVENTORY("inventory-service", "io.floodgate.inventory.InventoryServiceApplication"),
    // Before payment-service, which is configured with its address.
    PAYMENT_SIMULATOR("payment-simulator", "io.floodgate.simulator.PaymentSimulatorApplication"),
    PAYMENT("payment-service", "io.floodgate.payment.PaymentServiceApplication");

    private final String module;
    private final String mainClass;

    FloodgateService(String module, String mainClass) {
        this.module = module;
        this.mainClass = mainClass;
    }

    public String module() {
        return module;
    }

    public String mainClass() {
        return mainClass;
    }
}
