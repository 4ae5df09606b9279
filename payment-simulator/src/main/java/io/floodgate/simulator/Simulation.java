package io.floodgate.simulator;

import io.floodgate.simulator.charges.ChargeBook;
import io.floodgate.simulator.charges.ChargeJournal;
import io.floodgate.simulator.outage.Outage;
import io.floodgate.simulator.outage.OutageSchedule;
import io.floodgate.simulator.traffic.TrafficLog;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;

/** The simulator's state, built from its settings. */
@Factory
public class Simulation {
    @Singleton
    ChargeBook chargeBook(Clock clock, SimulatorSettings settings) {
        if (settings.dataFile().isBlank()) {
            return new ChargeBook(clock, settings.declineRate());
        }
        Path file = Path.of(settings.dataFile());
        return new ChargeBook(clock, settings.declineRate(), ChargeJournal.compact(file), ChargeJournal.at(file));
    }

    @Singleton
    OutageSchedule outageSchedule(SimulatorSettings settings) {
        return new OutageSchedule(settings.outages().stream().map(Outage::parse).toList());
    }

    @Singleton
    TrafficLog trafficLog() {
        return new TrafficLog();
    }
}
