package io.floodgate.audit.fairness;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.sale.AdmissionRateChanged;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SaleResumed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionPaceTest {
    private static final Instant T0 = Instant.parse("2026-11-22T20:00:00Z");

    private static EventMeta at(long seconds) {
        return EventMeta.of("s", "sale:s", "op", T0.plusSeconds(seconds));
    }

    @Test
    void theAllowanceFollowsRateChangesAndStopsWhilePaused() {
        AdmissionPace pace = new AdmissionPace(T0, 10, List.of(
                new AdmissionRateChanged(at(30), "ops", "busy", 20), // 30 s at 10/s, then 20/s
                new SalePaused(at(60), "ops", "provider down"),
                new SaleResumed(at(90), "ops", "back")));
        assertEquals(300 + 600, pace.allowed(T0, T0.plusSeconds(60)), 1e-9, "a faster rate counts at once");
        assertEquals(20 * 5, pace.allowed(T0.plusSeconds(60), T0.plusSeconds(90)), 1e-9,
                "nothing while paused, once queue-service has had its five seconds to hear of it");
        assertEquals(600, pace.allowed(T0.plusSeconds(90), T0.plusSeconds(120)), 1e-9, "the changed rate after resuming");
    }

    @Test
    void admissionsJustAfterAPauseAreWithinTheReactionTimeButNotLater() {
        AdmissionPace pace = new AdmissionPace(T0, 10, List.of(new SalePaused(at(30), "ops", "hold on")));
        List<Instant> admissions = new ArrayList<>();
        for (int i = 0; i < 340; i++) { // 10/s for the 34 s until queue-service heard of the pause
            admissions.add(T0.plusMillis(i * 100L));
        }
        assertTrue(pace.minutes(T0, admissions).get(0).withinRate());
        for (int i = 0; i < 21; i++) { // then more while paused: 361 against 35 s at 10/s and the meter's carry of 10
            admissions.add(T0.plusSeconds(40 + i / 2));
        }
        assertFalse(pace.minutes(T0, admissions).get(0).withinRate());
    }

    @Test
    void aMinuteOverTheRateAndTheMetersOneSecondCarryIsFlagged() {
        AdmissionPace pace = new AdmissionPace(T0, 10, List.of());
        List<Instant> admissions = new ArrayList<>();
        for (int i = 0; i < 610; i++) { // one minute's 600 plus the one second (10) the meter may carry
            admissions.add(T0.plusMillis(i * 98L));
        }
        AdmissionMinute first = pace.minutes(T0, admissions).get(0);
        assertEquals(610, first.admitted());
        assertTrue(first.withinRate(), first.toString());

        admissions.add(T0.plusMillis(59_999));
        assertFalse(pace.minutes(T0, admissions).get(0).withinRate(), "611 in a minute at 10/s");
    }
}
