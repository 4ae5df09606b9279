package io.floodgate.gateway.accesscode;

import io.floodgate.contracts.accesscode.AccessCodes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessCodeGeneratorTest {
    @Test
    void generatedCodesAreDistinctCanonicalAndOfTheFullLength() {
        Set<String> codes = new AccessCodeGenerator().generate(10_000);

        assertEquals(10_000, codes.size());
        codes.forEach(code -> assertEquals(Optional.of(code), AccessCodes.normalize(code)));
        assertTrue(codes.stream().allMatch(c -> c.length() == AccessCodes.GENERATED_LENGTH));
        // Every symbol is used about equally (a biased generator would leak bits): 200,000 draws, 6,250 each.
        long[] counts = new long[AccessCodes.ALPHABET.length()];
        codes.forEach(c -> c.chars().forEach(ch -> counts[AccessCodes.ALPHABET.indexOf(ch)]++));
        for (long count : counts) {
            assertTrue(count > 5_800 && count < 6_700, "symbol drawn " + count + " times");
        }
    }

    @Test
    void theCsvHasAHeaderAndOneGroupedCodeALineWithCrlf() {
        assertEquals("sale_id,access_code\r\npresale,7KQ3-M9XD-2WHC-5RTV-8BNP\r\npresale,ABCD-EFGH-JKMN-PQRS\r\n",
                AccessCodesCsv.of("presale", List.of("7KQ3M9XD2WHC5RTV8BNP", "ABCDEFGHJKMNPQRS")));
    }
}
