package io.floodgate.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A closed-loop HTTP load: {@code threads} clients each send the next request as soon as the last answers. */
public final class HttpLoad {
    /** What one run measured. */
    public record Result(String name, long ok, long failed, Duration elapsed, long p50Micros, long p99Micros) {
        public double perSecond() {
            return ok / (elapsed.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format("%-24s %9.0f req/s   p50 %6.2f ms   p99 %6.2f ms   (%d ok, %d failed)", name,
                    perSecond(), p50Micros / 1000.0, p99Micros / 1000.0, ok, failed);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Result run(String name, URI uri, Map<String, String> headers, int threads, Duration duration)
            throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        AtomicLong failed = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            long[][] mine = {new long[1 << 16]};
            int[] count = {0};
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            failed.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        continue;
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                    }
                    mine[0][count[0]++] = (System.nanoTime() - sent) / 1000;
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            }, "load-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, all.length, failed.get(), elapsed, Percentile.of(all, 0.50), Percentile.of(all, 0.99));
    }
}
