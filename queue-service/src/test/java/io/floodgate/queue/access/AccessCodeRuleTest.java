package io.floodgate.queue.access;

import io.floodgate.contracts.queue.TurnedAwayReason;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessCodeRuleTest {
    private static final String HASH = "a".repeat(64);

    @Test
    void aPublicSaleTakesEveryoneWithOrWithoutACode() {
        assertEquals(Optional.empty(), AccessCodeRule.decide(false, null, null, "alice"));
        assertEquals(Optional.empty(), AccessCodeRule.decide(false, HASH, null, "alice"));
    }

    @Test
    void givenAnUnusedCodeWhenABuyerBringsItThenTheyTakeAPlace() {
        assertEquals(Optional.empty(), AccessCodeRule.decide(true, HASH, AccessCode.UNUSED, "alice"));
    }

    @Test
    void givenACodeAliceUsedWhenAliceBringsItAgainThenSheIsLetIn() {
        assertEquals(Optional.empty(), AccessCodeRule.decide(true, HASH, new AccessCode("alice"), "alice"));
    }

    @Test
    void givenACodeAliceUsedWhenSomeoneElseBringsItThenTheyAreTurnedAway() {
        assertEquals(Optional.of(TurnedAwayReason.ACCESS_CODE_USED),
                AccessCodeRule.decide(true, HASH, new AccessCode("alice"), "mallory"));
    }

    @Test
    void givenNoSuchCodeWhenABuyerBringsItThenTheyAreTurnedAway() {
        assertEquals(Optional.of(TurnedAwayReason.ACCESS_CODE_UNKNOWN), AccessCodeRule.decide(true, HASH, null, "bob"));
    }

    @Test
    void givenAnInviteOnlySaleWhenABuyerBringsNoCodeThenTheyAreTurnedAway() {
        assertEquals(Optional.of(TurnedAwayReason.ACCESS_CODE_REQUIRED), AccessCodeRule.decide(true, null, null, "bob"));
    }
}
