package io.floodgate.cli.bench;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * What users would otherwise build: seats as rows in PostgreSQL, a hold as a transaction that
 * locks free rows with {@code SELECT ... FOR UPDATE} and marks them taken. A benchmark runs it with
 * its own sections and hold requests, from a pool of concurrent clients, beside Floodgate's figure.
 * <p>
 * Under contention every client waits for the same first free rows: PostgreSQL serialises one
 * section's holds on its row locks. A lock round that still comes back short (PostgreSQL skips
 * rows taken meanwhile) is tried again, and counted.
 */
public final class RowLockBaseline {
    /**
     * @param seconds        from the first request to the last answer
     * @param sellOutSeconds from the first request until no seat was free, or -1
     * @param retries        lock rounds that came back short and were tried again
     * @param seatsTaken     seats the database shows taken at the end
     * @param oversold       seats promised to clients beyond the sections' capacity (must be 0)
     */
    public record Result(int requests, int clients, double seconds, double perSecond, double p50Ms, double p99Ms,
                         long seatsTaken, double sellOutSeconds, long retries, long oversold) {
    }

    /** One hold request: {@code quantity} seats in the first of {@code sections} that has them. */
    public record Request(List<String> sections, int quantity) {
    }

    private RowLockBaseline() {
    }

    /** Runs {@code requests} hold requests ({@code request} draws the i-th) from {@code clients} connections. */
    public static Result run(String jdbcUrl, Map<String, Integer> capacity, int requests, IntFunction<Request> request,
                             int clients) throws Exception {
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
                        Request wanted = request.apply(i);
                        long sent = System.nanoTime();
                        int got = 0;
                        for (int k = 0; got == 0 && k < wanted.sections().size(); k++) {
                            got = hold(c, wanted.sections().get(k), wanted.quantity(), "request-" + i, retries);
                        }
                        latencies[i] = System.nanoTime() - sent;
                        if (got > 0 && taken.addAndGet(got) == total) {
                            soldOutAt.set(System.nanoTime());
                        }
                    }
                } catch (Exception e) {
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
        long inDatabase;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM loadgen_baseline.seats WHERE holder IS NOT NULL")) {
            rs.next();
            inDatabase = rs.getLong(1);
        }
        // Seats promised to clients beyond capacity: a lock that did not hold would let two
        // clients take the same row (the second UPDATE overwriting the first).
        return new Result(requests, clients, seconds, requests / seconds, Percentile.of(sorted, 0.50) / 1e6,
                Percentile.of(sorted, 0.99) / 1e6, inDatabase, soldOutAt.get() < 0 ? -1 : (soldOutAt.get() - start) / 1e9,
                retries.get(), Math.max(0, taken.get() - total));
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
}
