package io.floodgate.inventory;

import io.micronaut.runtime.Micronaut;

public final class InventoryServiceApplication {
    private InventoryServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(InventoryServiceApplication.class, args);
    }
}
