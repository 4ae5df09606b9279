package io.floodgate.contracts.sale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The largest sale Floodgate takes (docs/api.md, "Limits of a sale"). They keep every record about a
 * sale or one of its sections under a size that does not depend on what an operator sends: the
 * gateway refuses a sale over them, and inventory-service skips one that reaches it anyway.
 */
public final class SaleLimits {
    /** Sale and section ids: they make record keys ({@code saleId/sectionId}), so never a {@code /}. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,39}";
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_SECTIONS = 200;
    public static final int MAX_SECTION_NAME_LENGTH = 100;
    public static final int MAX_ROWS = 1_000;
    public static final int MAX_SEATS_PER_ROW = 1_000;
    /** A section's seat map is one record: 100,000 seats are about 33 KB of JSON at most. */
    public static final int MAX_SEATS_PER_SECTION = 100_000;
    public static final int MAX_SEATS_PER_SALE = 1_000_000;
    /** Bounds a hold's seat list, so every hold event. */
    public static final int MAX_PER_BUYER_LIMIT = 100;

    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    private SaleLimits() {
    }

    /** What in the sale breaks a limit, one line each naming the limit; empty when it keeps to them all. */
    public static List<String> violations(String saleId, SaleConfig config) {
        List<String> problems = new ArrayList<>();
        if (saleId == null || !ID.matcher(saleId).matches()) {
            problems.add("saleId: must match " + ID_PATTERN);
        }
        length(problems, "name", config.name(), MAX_NAME_LENGTH);
        range(problems, "perBuyerLimit", config.perBuyerLimit(), MAX_PER_BUYER_LIMIT);
        List<SectionConfig> sections = config.sections();
        if (sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            problems.add("sections: " + sections.size() + " given, must be 1 to " + MAX_SECTIONS);
            return problems; // one line, not one per section, for a sale far over the limit
        }
        Set<String> ids = new HashSet<>();
        long seats = 0;
        for (int i = 0; i < sections.size(); i++) {
            SectionConfig section = sections.get(i);
            String field = "sections[" + i + "].";
            if (section.id() == null || !ID.matcher(section.id()).matches()) {
                problems.add(field + "id: must match " + ID_PATTERN);
            } else if (!ids.add(section.id())) {
                problems.add(field + "id: '" + section.id() + "' appears twice");
            }
            length(problems, field + "name", section.name(), MAX_SECTION_NAME_LENGTH);
            if (section.priceCents() < 0) {
                problems.add(field + "priceCents: must not be negative");
            }
            if (!section.generalAdmission()) {
                range(problems, field + "rows", section.rows(), MAX_ROWS);
                range(problems, field + "seatsPerRow", section.seatsPerRow(), MAX_SEATS_PER_ROW);
            }
            long capacity = (long) section.rows() * section.seatsPerRow();
            range(problems, field + (section.generalAdmission() ? "capacity" : "seats"), capacity,
                    MAX_SEATS_PER_SECTION);
            seats += Math.max(0, capacity);
        }
        if (seats > MAX_SEATS_PER_SALE) {
            problems.add("seats: " + seats + " in all, at most " + MAX_SEATS_PER_SALE + " a sale");
        }
        return problems;
    }

    private static void range(List<String> problems, String field, long value, long max) {
        if (value < 1 || value > max) {
            problems.add(field + ": " + value + " given, must be 1 to " + max);
        }
    }

    private static void length(List<String> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": must not be blank");
        } else if (value.length() > max) {
            problems.add(field + ": " + value.length() + " characters, at most " + max);
        }
    }
}
