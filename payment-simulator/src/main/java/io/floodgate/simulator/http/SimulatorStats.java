package io.floodgate.simulator.http;

import io.floodgate.simulator.outage.Outage;
import io.floodgate.simulator.traffic.TrafficStats;

import java.util.List;

/** What the simulator saw and decided: the provider-side truth tests compare against. */
public record SimulatorStats(TrafficStats traffic, long authorized, long declined, long refunded, boolean down,
                             List<Outage> outages) {
}
