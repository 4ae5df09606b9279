package io.floodgate.contracts.sale;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaleLimitsTest {
    private static SaleConfig sale(String name, int perBuyerLimit, List<SectionConfig> sections) {
        return new SaleConfig(name, Instant.EPOCH, "EUR", 10, 100, Duration.ofMinutes(5), Duration.ofMinutes(10),
                perBuyerLimit, sections);
    }

    private static List<SectionConfig> sections(int count, int rows, int seatsPerRow) {
        return IntStream.range(0, count).mapToObj(i -> new SectionConfig("s" + i, "S" + i, rows, seatsPerRow, 100))
                .toList();
    }

    @Test
    void aSaleAtEveryLimitKeepsToThem() {
        List<SectionConfig> sections = new ArrayList<>(sections(SaleLimits.MAX_SECTIONS - 2, 10, 100));
        sections.add(new SectionConfig("big", "x".repeat(SaleLimits.MAX_SECTION_NAME_LENGTH), 100, 1000, 0));
        sections.add(SectionConfig.generalAdmission("pit", "Pit", SaleLimits.MAX_SEATS_PER_SECTION, 100));

        assertEquals(List.of(), SaleLimits.violations("a".repeat(40),
                sale("n".repeat(SaleLimits.MAX_NAME_LENGTH), SaleLimits.MAX_PER_BUYER_LIMIT, sections)));
    }

    @Test
    void tenThousandSectionsAreOneViolationNamingTheLimit() {
        List<String> problems = SaleLimits.violations("big", sale("Big", 4, sections(10_000, 1, 1)));

        assertEquals(List.of("sections: 10000 given, must be 1 to " + SaleLimits.MAX_SECTIONS), problems);
    }

    @Test
    void eachLimitBrokenIsNamed() {
        List<String> problems = SaleLimits.violations("bad/id", sale("n".repeat(201), 101, List.of(
                new SectionConfig("a", "A", 1001, 1000, 100),
                new SectionConfig("a", "A", 1, 1, -1),
                SectionConfig.generalAdmission("b/c", "B", 100_001, 100),
                new SectionConfig("d", "y".repeat(101), 0, 5, 100))));

        assertEquals(List.of(
                "saleId: must match " + SaleLimits.ID_PATTERN,
                "name: 201 characters, at most 200",
                "perBuyerLimit: 101 given, must be 1 to 100",
                "sections[0].rows: 1001 given, must be 1 to 1000",
                "sections[0].seats: 1001000 given, must be 1 to 100000",
                "sections[1].id: 'a' appears twice",
                "sections[1].priceCents: must not be negative",
                "sections[2].id: must match " + SaleLimits.ID_PATTERN,
                "sections[2].capacity: 100001 given, must be 1 to 100000",
                "sections[3].name: 101 characters, at most 100",
                "sections[3].rows: 0 given, must be 1 to 1000",
                "sections[3].seats: 0 given, must be 1 to 100000",
                "seats: 1101002 in all, at most 1000000 a sale"), problems);
    }

    @Test
    void theSeatsOfASaleAreLimitedAsWellAsEachSections() {
        List<String> problems = SaleLimits.violations("many", sale("Many", 4, sections(11, 100, 1000)));

        assertTrue(problems.equals(List.of("seats: 1100000 in all, at most 1000000 a sale")), problems.toString());
    }
}
