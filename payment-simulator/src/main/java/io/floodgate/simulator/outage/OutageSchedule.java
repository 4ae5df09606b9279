package io.floodgate.simulator.outage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The provider's planned and ad-hoc outages. */
public final class OutageSchedule {
    private final List<Outage> outages = new ArrayList<>();

    public OutageSchedule(List<Outage> planned) {
        outages.addAll(planned);
    }

    public synchronized void add(Outage outage) {
        outages.add(outage);
    }

    /** Ends every outage now: the provider answers again. */
    public synchronized void clear() {
        outages.clear();
    }

    /** The outage in force at {@code t}, if any. */
    public synchronized Optional<Outage> at(Instant t) {
        return outages.stream().filter(o -> o.covers(t)).findFirst();
    }

    public synchronized List<Outage> all() {
        return List.copyOf(outages);
    }
}
