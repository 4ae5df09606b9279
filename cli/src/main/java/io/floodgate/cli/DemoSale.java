package io.floodgate.cli;

/** The sale the local run loads, so there is something to buy at once. */
final class DemoSale {
    static final String ID = "demo";

    static final String JSON = """
            {
              "saleId": "demo",
              "name": "Floodgate demo night",
              "currency": "EUR",
              "admissionRatePerSecond": 5,
              "maxActiveShoppers": 500,
              "admissionWindowSeconds": 600,
              "holdDurationSeconds": 600,
              "perBuyerLimit": 6,
              "sections": [
                {"id": "floor", "name": "Floor", "rows": 10, "seatsPerRow": 20, "priceCents": 8900},
                {"id": "balcony", "name": "Balcony", "rows": 5, "seatsPerRow": 20, "priceCents": 5900},
                {"id": "pit", "name": "Standing pit", "capacity": 300, "priceCents": 6900}
              ]
            }
            """;

    private DemoSale() {
    }
}
