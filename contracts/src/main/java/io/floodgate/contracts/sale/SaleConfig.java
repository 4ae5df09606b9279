package io.floodgate.contracts.sale;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything an operator sets when creating a sale. */
public record SaleConfig(String name, Instant opensAt, String currency, int admissionRatePerSecond,
                         int maxActiveShoppers, Duration admissionWindow, Duration holdDuration,
                         int perBuyerLimit, List<SectionConfig> sections) {

    public SaleConfig {
        sections = List.copyOf(sections);
    }

    public Optional<SectionConfig> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }
}
