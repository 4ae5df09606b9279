package io.floodgate.cli.loadgen;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What users would otherwise build: seats as rows in PostgreSQL, a hold as a transaction that
 * locks free rows with {@code SELECT ... FOR UPDATE} and marks them taken. Run with the same
 * sections, the same number of hold requests (quantities and section preferences drawn as the
 * simulated buyers draw them) and a pool of concurrent clients, against the run's own PostgreSQL.
 * <p>
 * Under contention every client locks the same first free rows; the losers, once the winner
 * commits, find those rows taken and come back with fewer than they asked for, and try again:
 * the retries are counted.
 */
final class RowLockBaseline {
    /**
     * @param seconds        from the first request to the last answer
     * @param sellOutSeconds from the first request until no seat was free, or -1
     * @param retries        lock rounds that came back short and were tried again
     * @param oversold       seats taken beyond the sections' capacity (0: rows cannot be taken twice)
     */
    record Result(int requests, int clients, double seconds, double perSecond, double p50Ms, double p99Ms,
                  long seatsTaken, double sellOutSeconds, long retries, long oversold) {
    }

    private RowLockBaseline() {
    }

    static Result run(String jdbcUrl, Map<String, Integer> capacity, int requests, int clients, long seed)
            throws Exception {
        int total = capacity.values().stream().mapToInt(Integer::intValue).sum();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS loadgen_baseline");
            s.execute("DROP TABLE IF EXISTS loadgen_baseline.seats");
            s.execute("CREATE TABLE loadgen_baseline.seats (section text NOT NULL, seat int NOT NULL, holder text, "
                    + "PRIMARY KEY (section, seat))");
            for (Map.Entry<String, Integer> section : capacity.entrySet()) {
                try (PreparedStatement fill = c.prepareStatement("INSERT INTO loadgen_baseline.seats "
                        + "SELECT ?, g, NULL FROM generate_series(1, ?) g")) {
                    fill.setString(1, section.getKey());
                    fill.setInt(2, section.getValue());
                    fill.executeUpdate();
                }
            }
        }
        List<String> sections = List.copyOf(capacity.keySet());
        AtomicInteger next = new AtomicInteger();
        AtomicLong taken = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        AtomicLong soldOutAt = new AtomicLong(-1);
        long[] latencies = new long[requests];
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread worker = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                    c.setAutoCommit(false);
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        Random r = new Random(seed + i);
                        int quantity = r.nextInt(100) < 70 ? 1 : 2;
                        String preferred = sections.get(r.nextInt(100) < 60 ? 0 : Math.min(1, sections.size() - 1));
                        long sent = System.nanoTime();
                        int got = hold(c, preferred, quantity, "request-" + i, retries);
                        for (int k = 0; got == 0 && k < sections.size(); k++) {
                            if (!sections.get(k).equals(preferred)) {
                                got = hold(c, sections.get(k), quantity, "request-" + i, retries);
                            }
                        }
                        latencies[i] = System.nanoTime() - sent;
                        if (got > 0 && taken.addAndGet(got) == total) {
                            soldOutAt.set(System.nanoTime());
                        }
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "row-locks-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        long oversold;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM loadgen_baseline.seats WHERE holder IS NOT NULL")) {
            rs.next();
            oversold = Math.max(0, rs.getLong(1) - total);
        }
        return new Result(requests, clients, seconds, requests / seconds, percentileMs(sorted, 0.50),
                percentileMs(sorted, 0.99), taken.get(), soldOutAt.get() < 0 ? -1 : (soldOutAt.get() - start) / 1e9,
                retries.get(), oversold);
    }

    /** One hold: the seats taken ({@code quantity}), or 0 when the section has fewer free. */
    private static int hold(Connection c, String section, int quantity, String holder, AtomicLong retries)
            throws SQLException {
        while (true) {
            List<Integer> seats = new ArrayList<>();
            try (PreparedStatement lock = c.prepareStatement("SELECT seat FROM loadgen_baseline.seats "
                    + "WHERE section = ? AND holder IS NULL ORDER BY seat LIMIT ? FOR UPDATE")) {
                lock.setString(1, section);
                lock.setInt(2, quantity);
                try (ResultSet rs = lock.executeQuery()) {
                    while (rs.next()) {
                        seats.add(rs.getInt(1));
                    }
                }
            }
            if (seats.size() == quantity) {
                try (PreparedStatement take = c.prepareStatement("UPDATE loadgen_baseline.seats SET holder = ? "
                        + "WHERE section = ? AND seat = ANY (?)")) {
                    take.setString(1, holder);
                    take.setString(2, section);
                    take.setArray(3, c.createArrayOf("integer", seats.toArray()));
                    take.executeUpdate();
                }
                c.commit();
                return quantity;
            }
            c.rollback();
            if (free(c, section) < quantity) {
                return 0;
            }
            retries.incrementAndGet();
        }
    }

    private static long free(Connection c, String section) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(
                "SELECT count(*) FROM loadgen_baseline.seats WHERE section = ? AND holder IS NULL")) {
            count.setString(1, section);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                long free = rs.getLong(1);
                c.rollback();
                return free;
            }
        }
    }

    private static double percentileMs(long[] sortedNanos, double p) {
        return sortedNanos.length == 0 ? 0
                : sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.floor(p * sortedNanos.length))] / 1e6;
    }
}
