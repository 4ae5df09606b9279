package io.floodgate.contracts.sale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.json.EventJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaleStateTest {
    private static final Instant T0 = Instant.parse("2026-11-22T20:00:00Z");

    private static EventMeta at(long seconds) {
        return EventMeta.of("demo", "sale:demo", "op", T0.plusSeconds(seconds));
    }

    private static SaleState created() {
        return SaleState.created(new SaleCreated(at(0), "ops", new SaleConfig("Demo", T0.plusSeconds(60), "EUR", 10,
                100, Duration.ofMinutes(5), Duration.ofMinutes(10), 4, List.of(new SectionConfig("f", "F", 1, 5, 100)))));
    }

    @Test
    void pausesAddUpAndAResumeOrADuplicateChangesNothingTwice() {
        SaleState state = created()
                .apply(new SalePaused(at(100), "ops", "a"))
                .apply(new SalePaused(at(110), "ops", "again"))
                .apply(new SaleResumed(at(130), "ops", "b"))
                .apply(new SaleResumed(at(140), "ops", "again"));

        assertEquals(Duration.ofSeconds(30), state.pausedUntil(T0.plusSeconds(500)));
        assertEquals(SalePhase.ON_SALE, state.phase(T0.plusSeconds(500), false));
        SaleState pausedAgain = state.apply(new SalePaused(at(600), "ops", "c"));
        assertEquals(Duration.ofSeconds(50), pausedAgain.pausedUntil(T0.plusSeconds(620)), "counting while paused");
        assertEquals(SalePhase.PAUSED, pausedAgain.phase(T0.plusSeconds(620), false));
    }

    @Test
    void closingAPausedSaleEndsThePauseSoNothingStaysFrozen() {
        SaleState closed = created().apply(new SalePaused(at(100), "ops", "a")).apply(new SaleClosed(at(160), "ops", "b"));

        assertFalse(closed.paused());
        assertTrue(closed.closed());
        assertEquals(Duration.ofSeconds(60), closed.pausedUntil(T0.plusSeconds(1000)));
        assertEquals(SalePhase.CLOSED, closed.phase(T0.plusSeconds(1000), true));
    }

    @Test
    void phasesFollowTheClockAndTheStock() {
        SaleState state = created();

        assertEquals(SalePhase.SCHEDULED, state.phase(T0.plusSeconds(59), false));
        assertEquals(SalePhase.ON_SALE, state.phase(T0.plusSeconds(60), false));
        assertEquals(SalePhase.SOLD_OUT, state.phase(T0.plusSeconds(60), true));
        assertEquals(40, state.apply(new AdmissionRateChanged(at(70), "ops", "r", 40)).admissionRatePerSecond());
        assertEquals(null, state.apply(new QueueMessagePosted(at(70), "ops", " ")).message(), "blank clears");
    }

    @Test
    void aPauseRecordedAfterTheCloseIsRefusedSoAClosedSaleCannotFreeze() {
        SaleState closed = created().apply(new SaleClosed(at(100), "ops", "over"))
                .apply(new SalePaused(at(110), "other-op", "raced the close"));

        assertFalse(closed.paused());
        assertEquals(Duration.ZERO, closed.pausedUntil(T0.plusSeconds(10_000)), "windows and holds run out again");
        assertEquals(SalePhase.CLOSED, closed.phase(T0.plusSeconds(200), false));
    }

    @Test
    void proofOfWorkIsOffUntilAnOperatorSwitchesItOnAndItsDifficultyFollowsTheLatestChange() {
        SaleState state = created().apply(new AdmissionRateChanged(at(10), "ops", "r", 40));
        assertEquals(ProofOfWork.OFF, state.proofOfWork(), "a sale recorded without the event requires none");

        SaleState on = state.apply(new ProofOfWorkChanged(at(20), "ops", "bots", true, 50_000));
        SaleState raised = on.apply(new SalePaused(at(25), "ops", "p"))
                .apply(new ProofOfWorkChanged(at(30), "ops", null, true, 200_000));

        assertEquals(new ProofOfWork(true, 50_000), on.proofOfWork());
        assertEquals(new ProofOfWork(true, 200_000), raised.proofOfWork(), "raised live, kept across other events");
        assertTrue(raised.paused());
        assertFalse(raised.apply(new ProofOfWorkChanged(at(40), "ops", "calm", false, 200_000)).proofOfWork().required());
    }

    @Test
    void aSaleStateStoredBeforeProofOfWorkExistedReadsAsRequiringNone() throws Exception {
        ObjectMapper json = EventJson.mapper();
        ObjectNode stored = json.valueToTree(created());
        stored.remove("proofOfWork"); // as the state stores of queue-service and inventory-service hold it

        SaleState read = json.treeToValue(stored, SaleState.class);

        assertEquals(ProofOfWork.OFF, read.proofOfWork());
        assertEquals(created(), read, "everything else as stored");
        assertFalse(read.apply(new SalePaused(at(10), "ops", "p")).proofOfWork().required(), "and it folds on");
    }
}
