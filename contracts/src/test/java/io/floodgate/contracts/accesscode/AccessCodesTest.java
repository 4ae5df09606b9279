package io.floodgate.contracts.accesscode;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AccessCodesTest {
    @Test
    void aCodeIsReadInAnyCaseWithDashesOrSpacesAndCrockfordsLookAlikes() {
        Optional<String> canonical = Optional.of("7KQ3M9XD2WHC5RTV8BNP");
        assertEquals(canonical, AccessCodes.normalize("7KQ3-M9XD-2WHC-5RTV-8BNP"));
        assertEquals(canonical, AccessCodes.normalize("7kq3 m9xd 2whc 5rtv 8bnp"));
        assertEquals(Optional.of("1100ABCDEFGHJKMN"), AccessCodes.normalize("iLoO-abcd-efgh-jkmn"));
    }

    @Test
    void whatIsNotACodeIsRefused() {
        assertEquals(Optional.empty(), AccessCodes.normalize(null));
        assertEquals(Optional.empty(), AccessCodes.normalize("ABCD-EFGH-JKMN-PQR"), "15 characters: under 80 bits");
        assertEquals(Optional.empty(), AccessCodes.normalize("A".repeat(33)));
        assertEquals(Optional.empty(), AccessCodes.normalize("UUUU-UUUU-UUUU-UUUU"), "U is not Crockford base32");
        assertEquals(Optional.empty(), AccessCodes.normalize("ßßßßßßßß"), "no letters outside ASCII");
        assertEquals(Optional.empty(), AccessCodes.normalize("ABCD_EFGH_JKMN_PQRS"));
        assertEquals(Optional.empty(), AccessCodes.normalize("-".repeat(65)), "longer than any code typed");
    }

    @Test
    void theHashIsSha256OfTheSaleAndTheCanonicalCodeSoSalesDoNotShareHashes() {
        // printf 'floodgate-access-code:demo:7KQ3M9XD2WHC5RTV8BNP' | sha256sum
        assertEquals("e6d7855377db53f6146f1c27993e066933287001579dd0c47712ef1c1d9ced6a",
                AccessCodes.hash("demo", "7KQ3M9XD2WHC5RTV8BNP"));
        assertNotEquals(AccessCodes.hash("demo", "7KQ3M9XD2WHC5RTV8BNP"), AccessCodes.hash("other", "7KQ3M9XD2WHC5RTV8BNP"));
    }

    @Test
    void codesArePrintedInGroupsOfFour() {
        assertEquals("7KQ3-M9XD-2WHC-5RTV-8BNP", AccessCodes.grouped("7KQ3M9XD2WHC5RTV8BNP"));
        assertEquals("ABCD-EFGH-JKMN-PQRS-TV", AccessCodes.grouped("ABCDEFGHJKMNPQRSTV"));
    }
}
