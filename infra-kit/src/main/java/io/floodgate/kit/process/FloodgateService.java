package io.floodgate.kit.process;

/** The four services, each a Maven module with a main class and an HTTP health endpoint. */
public enum FloodgateService {
    GATEWAY("gateway", "io.floodgate.gateway.GatewayApplication"),
    QUEUE("queue-service", "io.floodgate.queue.QueueServiceApplication"),
    INVENTORY("inventory-service", "io.floodgate.inventory.InventoryServiceApplication"),
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
