package io.floodgate.inventory.seats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.json.EventJson;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.platform.kafka.JsonSerde;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SectionStoredBeforeTest {
    @Test
    void aSectionStoredWithItsWholeSaleReadsAsTheSaleTermsItNeeds() throws Exception {
        SectionConfig floor = new SectionConfig("floor", "Floor", 2, 6, 5000);
        SaleState sale = SaleState.created(new SaleCreated(EventMeta.of("s", "c", "x", Instant.EPOCH), "ops",
                new SaleConfig("S", Instant.EPOCH, "GBP", 1, 1, Duration.ofMinutes(1), Duration.ofMinutes(7), 6,
                        List.of(floor)))).apply(new SaleClosed(
                EventMeta.of("s", "c", "y", Instant.EPOCH), "ops", "done"));
        // What the sections store held before: the section with the sale's whole state.
        ObjectNode before = EventJson.mapper().createObjectNode();
        before.set("sale", EventJson.mapper().valueToTree(sale));
        before.set("config", EventJson.mapper().valueToTree(floor));
        before.set("seats", EventJson.mapper().valueToTree(SeatMap.empty(2, 6).take(List.of(3))));
        before.put("sold", 1);

        Section read = JsonSerde.of(Section.class).deserialize("t", EventJson.mapper().writeValueAsBytes(before));

        assertEquals(new SaleTerms("s", "GBP", Duration.ofMinutes(7), null, Duration.ZERO, true), read.sale());
        assertEquals(11, read.seats().free());
        assertFalse(new String(JsonSerde.of(Section.class).serialize("t", read)).contains("admissionRatePerSecond"),
                "written back with the terms alone");
    }
}
