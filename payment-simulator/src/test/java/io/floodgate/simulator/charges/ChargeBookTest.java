package io.floodgate.simulator.charges;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChargeBookTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T20:00:00Z"), ZoneOffset.UTC);

    private static ChargeAttempt attempt(String key, String method) {
        return new ChargeAttempt(key, "sale-1", "hold-" + key, 5_000, "EUR", method);
    }

    @Test
    void aRepeatedKeyGetsTheFirstChargeBackAndChargesNothingMore() {
        ChargeBook book = new ChargeBook(clock, 0);
        ChargeBook.Recorded<Charge> first = book.charge(attempt("k1", "tok_visa"));
        ChargeBook.Recorded<Charge> again = book.charge(attempt("k1", "tok_visa"));

        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.value().chargeId(), again.value().chargeId());
        assertEquals(1, book.charges("sale-1").size());
    }

    @Test
    void aKeyReusedForADifferentChargeIsRefused() {
        ChargeBook book = new ChargeBook(clock, 0);
        book.charge(attempt("k1", "tok_visa"));

        assertThrows(IdempotencyConflict.class, () -> book.charge(new ChargeAttempt("k1", "sale-1", "hold-k1", 9_999,
                "EUR", "tok_visa")));
    }

    @Test
    void theDecliningMethodIsAlwaysDeclinedAndTheRateDeclinesTheSameKeysEveryTime() {
        ChargeBook none = new ChargeBook(clock, 0);
        assertEquals(ChargeStatus.DECLINED, none.charge(attempt("k1", ChargeBook.DECLINING_METHOD)).value().status());

        ChargeBook half = new ChargeBook(clock, 0.5);
        ChargeBook halfAgain = new ChargeBook(clock, 0.5);
        long declined = 0;
        for (int i = 0; i < 1_000; i++) {
            ChargeStatus status = half.charge(attempt("key-" + i, "tok_visa")).value().status();
            assertEquals(status, halfAgain.charge(attempt("key-" + i, "tok_visa")).value().status());
            declined += status == ChargeStatus.DECLINED ? 1 : 0;
        }
        assertTrue(declined > 400 && declined < 600, "about half declined, was " + declined);
    }

    @Test
    void aChargeIsRefundedOnceWhateverTheRetries() {
        ChargeBook book = new ChargeBook(clock, 0);
        Charge charge = book.charge(attempt("k1", "tok_visa")).value();

        ChargeBook.Recorded<Charge> refunded = book.refund(charge.chargeId(), "refund-k1");
        ChargeBook.Recorded<Charge> again = book.refund(charge.chargeId(), "refund-k1");

        assertTrue(refunded.created());
        assertFalse(again.created());
        assertEquals(refunded.value().refund(), again.value().refund());
        assertEquals(5_000, refunded.value().refund().amountCents());
    }

    @Test
    void declinedOrUnknownChargesCannotBeRefunded() {
        ChargeBook book = new ChargeBook(clock, 0);
        Charge declined = book.charge(attempt("k1", ChargeBook.DECLINING_METHOD)).value();

        assertThrows(IdempotencyConflict.class, () -> book.refund(declined.chargeId(), "r1"));
        assertThrows(ChargeBook.UnknownCharge.class, () -> book.refund("ch_nope", "r2"));
    }

    @Test
    void aKeyWhoseFirstRequestIsStillBeingAnsweredIsRefusedAsInFlight() {
        ChargeBook book = new ChargeBook(clock, 0);
        book.arrived("k1");
        book.charge(attempt("k1", "tok_visa"));

        assertThrows(ChargeBook.KeyInFlight.class, () -> book.arrived("k1"));
        book.answered("k1");

        book.arrived("k1"); // answered: it may be asked again
    }

    @Test
    void anInvalidPaymentMethodIsRefusedAndChargesNothing() {
        ChargeBook book = new ChargeBook(clock, 0);

        assertThrows(ChargeBook.InvalidPaymentMethod.class, () -> book.charge(attempt("k1", ChargeBook.INVALID_METHOD)));
        assertEquals(List.of(), book.charges("sale-1"));
    }

    @Test
    void theRecordOfChargesAndRefundsSurvivesARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("payment-simulator").resolve("charges.jsonl");
        Charge refunded;
        Charge kept;
        try (ChargeJournal journal = ChargeJournal.at(file)) {
            ChargeBook book = new ChargeBook(clock, 0, ChargeJournal.read(file), journal);
            Charge charged = book.charge(attempt("k1", "tok_visa")).value();
            refunded = book.refund(charged.chargeId(), "r1").value();
            kept = book.charge(attempt("k2", "tok_visa")).value();
        }

        assertEquals(3, Files.readAllLines(file).size(), "a line per change");
        List<Charge> earlier = ChargeJournal.compact(file);
        assertEquals(2, Files.readAllLines(file).size(), "a line per charge after a restart");
        try (ChargeJournal journal = ChargeJournal.at(file)) {
            ChargeBook restarted = new ChargeBook(clock, 0, earlier, journal);

            assertEquals(java.util.Set.of(refunded, kept), java.util.Set.copyOf(restarted.charges("sale-1")));
            assertEquals(kept.chargeId(), restarted.byKey("k2").orElseThrow().chargeId());
            assertFalse(restarted.charge(attempt("k2", "tok_visa")).created(), "a repeated key is still the same charge");
            assertFalse(restarted.refund(refunded.chargeId(), "r1").created(), "and a refund is not made twice");
        }
    }
}
