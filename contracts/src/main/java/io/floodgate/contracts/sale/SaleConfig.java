package io.floodgate.contracts.sale;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything an operator sets when creating a sale.
 *
 * @param paymentRatePerMinute a sale's own limit on charges per minute, below the provider's
 *                             (for a sale paid to its own merchant account, say); null: the provider's rate only
 * @param inviteOnly           only buyers with an access code may join (false in sales from before access codes).
 *                             Fixed at creation, so it is decided before anyone joins.
 */
public record SaleConfig(String name, Instant opensAt, String currency, int admissionRatePerSecond,
                         int maxActiveShoppers, Duration admissionWindow, Duration holdDuration,
                         int perBuyerLimit, List<SectionConfig> sections, Integer paymentRatePerMinute,
                         boolean inviteOnly) {

    /** A public sale. */
    public SaleConfig(String name, Instant opensAt, String currency, int admissionRatePerSecond, int maxActiveShoppers,
                      Duration admissionWindow, Duration holdDuration, int perBuyerLimit, List<SectionConfig> sections,
                      Integer paymentRatePerMinute) {
        this(name, opensAt, currency, admissionRatePerSecond, maxActiveShoppers, admissionWindow, holdDuration,
                perBuyerLimit, sections, paymentRatePerMinute, false);
    }

    /** A sale paced by the provider's rate alone. */
    public SaleConfig(String name, Instant opensAt, String currency, int admissionRatePerSecond, int maxActiveShoppers,
                      Duration admissionWindow, Duration holdDuration, int perBuyerLimit, List<SectionConfig> sections) {
        this(name, opensAt, currency, admissionRatePerSecond, maxActiveShoppers, admissionWindow, holdDuration,
                perBuyerLimit, sections, null);
    }

    public SaleConfig {
        sections = List.copyOf(sections);
    }

    public Optional<SectionConfig> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }
}
