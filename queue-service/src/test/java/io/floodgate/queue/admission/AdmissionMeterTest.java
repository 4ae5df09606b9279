package io.floodgate.queue.admission;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdmissionMeterTest {
    @Test
    void creditAccruesAtTheRate() {
        AdmissionMeter meter = AdmissionMeter.startingAt(0).accrue(200, 10); // 0.2 s at 10/s

        assertEquals(2, meter.admissible(100));
    }

    @Test
    void fractionsCarryOverBetweenTicks() {
        AdmissionMeter meter = AdmissionMeter.startingAt(0).accrue(150, 10); // 1.5 admissions earned

        assertEquals(1, meter.admissible(100));
        AdmissionMeter next = meter.spend(1).accrue(200, 10); // 0.5 left + 0.5 earned

        assertEquals(1, next.admissible(100));
    }

    @Test
    void neverMoreThanAreWaiting() {
        assertEquals(3, AdmissionMeter.startingAt(0).accrue(1000, 50).admissible(3));
    }

    @Test
    void aQuietSpellEarnsAtMostOneSecondOfAdmissions() {
        AdmissionMeter meter = AdmissionMeter.startingAt(0).accrue(60_000, 5);

        assertEquals(5, meter.admissible(1_000));
    }
}
