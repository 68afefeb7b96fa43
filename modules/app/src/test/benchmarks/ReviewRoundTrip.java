/*
 * On-demand load driver for the review decision round trip (docs/benchmarks.md): N reviewers, one
 * thread each, decide the task they hold and ask for the next one, as fast as the server answers.
 *
 * One round trip = POST /api/v1/tasks/{id}/completion {"verdict":"APPROVE"} followed by
 * POST /api/v1/queues/{workflow}/{tier}/claim-next, whose JSON (the next item) is what an API
 * client renders; the pair is timed from the first byte sent to the last byte of the claim read.
 *
 * JDK only, run with the source launcher:
 *
 *   BENCH_REVIEWERS='Basic ...,Basic ...' java ReviewRoundTrip.java \
 *       --base http://localhost:9080 --workflow KEY [--tier 2] [--warmup 10] [--seconds 60] \
 *       [--webhook-port 0] [--rate 0] [--mode round-trips|claims]
 *
 * --rate R > 0 paces the reviewers to R round trips (or claims) a second in all, each on a fixed
 * schedule (open loop), and times each from when it was due, not from when it was sent: the latency
 * at that load, queueing included, which the closed loop (R = 0, as fast as the server answers)
 * cannot show, since there 50 reviewers always wait 50 / throughput on average. --mode claims: each
 * reviewer only claims (the tasks stay leased), timing claim-next alone.
 *
 * BENCH_REVIEWERS holds comma-separated Authorization header values, one per reviewer (as for
 * claim.lua). BENCH_WINDOW_SECONDS (10) sets the length of the windows the measured period is
 * reported in, to see when in it the slow operations were. With --webhook-port P > 0 the driver also answers the workflow's webhook on
 * http://127.0.0.1:P/ (204 to every POST) and counts the deliveries it receives.
 *
 * Each reviewer thread keeps one HTTP/1.1 connection and speaks the protocol over a plain socket
 * (PlainHttp): the driver shares the machine's two cores with the server and PostgreSQL, and the
 * JDK's HttpClient cost it 0.37 of a core at 290 round trips a second, CPU the server then lacked.
 *
 * Prints lines starting with BENCH; exits 1 if any request failed (non-2xx, I/O error) or a claim
 * came back empty, 2 on bad arguments.
 */

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

public class ReviewRoundTrip {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Failure counts by kind, e.g. "completion HTTP 409", "claim-next empty", "claim-next IOException". */
    static final Map<String, LongAdder> FAILURES = new ConcurrentHashMap<>();

    static URI base;
    static String claimPath;
    /** Each reviewer thread's own connection to the server. */
    static final ThreadLocal<PlainHttp> CONNECTION = ThreadLocal.withInitial(() -> new PlainHttp(base));

    public static void main(String[] args) throws Exception {
        Map<String, String> a = arguments(args);
        base = URI.create(a.getOrDefault("base", "http://localhost:9080").replaceAll("/+$", ""));
        String workflow = a.get("workflow");
        int tier = Integer.parseInt(a.getOrDefault("tier", "2"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int webhookPort = Integer.parseInt(a.getOrDefault("webhook-port", "0"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
        boolean claimsOnly = "claims".equals(a.getOrDefault("mode", "round-trips"));
        String reviewerList = System.getenv("BENCH_REVIEWERS");
        if (workflow == null || reviewerList == null || reviewerList.isBlank() || seconds <= 0 || warmup < 0 || rate < 0) {
            System.err.println("usage: BENCH_REVIEWERS='Basic ..,Basic ..' java ReviewRoundTrip.java --base URL"
                    + " --workflow KEY [--tier 2] [--warmup 10] [--seconds 60] [--webhook-port 0] [--rate 0] [--mode round-trips|claims]");
            System.exit(2);
        }
        int windowSeconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_WINDOW_SECONDS", "10"));
        List<String> reviewers = Arrays.stream(reviewerList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        claimPath = "/api/v1/queues/" + workflow + "/" + tier + "/claim-next";

        LongAdder webhooks = new LongAdder();
        HttpServer receiver = null;
        if (webhookPort > 0) {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", webhookPort), 64);
            receiver.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                webhooks.increment();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.setExecutor(Executors.newFixedThreadPool(2));
            receiver.start();
        }

        // every reviewer takes its first task before the clock starts (this also warms the server's
        // Basic-credential cache, whose first verification per account is a deliberate PBKDF2)
        System.out.printf("BENCH review %s: %d reviewers, workflow %s tier %d, warm-up %d s, measured %d s, %s%n",
                claimsOnly ? "claims" : "round trip", reviewers.size(), workflow, tier, warmup, seconds,
                rate > 0 ? "paced at " + rate + " a second" : "as fast as the server answers");
        String[] held = new String[reviewers.size()];
        List<Thread> starters = new ArrayList<>();
        for (int i = 0; i < reviewers.size(); i++) {
            int r = i;
            Thread t = new Thread(() -> held[r] = claim(reviewers.get(r), true), "first-claim-" + (r + 1));
            t.start();
            starters.add(t);
        }
        for (Thread t : starters) {
            t.join();
        }
        long missing = Arrays.stream(held).filter(h -> h == null).count();
        if (missing > 0) {
            System.out.printf("BENCH %d reviewers got no first task; they retry during the run%n", missing);
        }

        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        long[] webhooksAtMeasureStart = {-1};
        Recorder[] recorders = new Recorder[reviewers.size()];
        CountDownLatch done = new CountDownLatch(reviewers.size());
        for (int i = 0; i < reviewers.size(); i++) {
            // paced: reviewer i's operations are due every period, the reviewers' schedules spread over one period
            long period = rate > 0 ? (long) (1e9 * reviewers.size() / rate) : 0;
            Recorder rec = new Recorder(reviewers.get(i), held[i], measureFrom, end, period, start + period * i / reviewers.size(),
                    claimsOnly);
            recorders[i] = rec;
            new Thread(() -> {
                try {
                    rec.run();
                } finally {
                    done.countDown();
                }
            }, "reviewer-" + (i + 1)).start();
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        webhooksAtMeasureStart[0] = webhooks.sum();
        done.await();
        long webhooksAtEnd = webhooks.sum();

        // merge and report
        int total = 0;
        for (Recorder r : recorders) {
            total += r.count;
        }
        long[] all = new long[total];
        long[] completion = new long[total];
        long[] claimNext = new long[total];
        TreeMap<Integer, List<Long>> windows = new TreeMap<>();
        int k = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.roundTrips, 0, all, k, r.count);
            System.arraycopy(r.completions, 0, completion, k, r.count);
            System.arraycopy(r.claims, 0, claimNext, k, r.count);
            for (int j = 0; j < r.count; j++) {
                windows.computeIfAbsent((int) ((r.startedAt[j] - measureFrom) / (windowSeconds * 1_000_000_000L)),
                                w -> new ArrayList<>())
                        .add(r.roundTrips[j]);
            }
            k += r.count;
        }
        Arrays.sort(all);
        Arrays.sort(completion);
        Arrays.sort(claimNext);
        if (claimsOnly) {
            System.out.printf("BENCH claims measured: %d in %d s = %.1f claims/s%n", total, seconds, total / (double) seconds);
            System.out.println("BENCH claim-next ms: " + summary(all));
        } else {
            System.out.printf("BENCH round trips measured: %d in %d s = %.1f round trips/s (%.1f requests/s)%n", total,
                    seconds, total / (double) seconds, 2 * total / (double) seconds);
            System.out.println("BENCH round trip (completion + claim-next) ms: " + summary(all));
        }
        if (!claimsOnly) {
            System.out.println("BENCH   completion alone ms:                 " + summary(completion));
            System.out.println("BENCH   claim-next alone ms:                 " + summary(claimNext));
        }
        for (Map.Entry<Integer, List<Long>> w : windows.entrySet()) {
            long[] v = w.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("BENCH   window %3d-%3d s: %6d round trips, p50 %7.1f p95 %7.1f max %7.1f ms%n",
                    w.getKey() * windowSeconds, (w.getKey() + 1) * windowSeconds, v.length, ms(pct(v, 50)), ms(pct(v, 95)), ms(v[v.length - 1]));
        }
        if (receiver != null) {
            System.out.printf("BENCH webhook deliveries received: %d during the measured period, %d in all%n",
                    webhooksAtEnd - webhooksAtMeasureStart[0], webhooksAtEnd);
            receiver.stop(0);
        }
        long failures = FAILURES.values().stream().mapToLong(LongAdder::sum).sum();
        if (failures == 0) {
            System.out.println("BENCH failures: none");
        } else {
            System.out.println("BENCH failures (whole run, incl. warm-up): " + failures);
            new TreeMap<>(FAILURES).forEach((kind, n) -> System.out.printf("BENCH   %s: %d%n", kind, n.sum()));
        }
        System.exit(failures == 0 && total > 0 ? 0 : 1);
    }

    /** One reviewer's loop; latencies of round trips started in the measured window. */
    static final class Recorder {
        final String auth;
        final long measureFrom;
        final long end;
        /** Nanoseconds between this reviewer's due times; 0: as fast as the server answers. */
        final long period;
        final boolean claimsOnly;
        long due;
        String held;
        int count;
        long[] roundTrips = new long[4096];
        long[] completions = new long[4096];
        long[] claims = new long[4096];
        long[] startedAt = new long[4096];

        Recorder(String auth, String held, long measureFrom, long end, long period, long firstDue, boolean claimsOnly) {
            this.auth = auth;
            this.held = held;
            this.measureFrom = measureFrom;
            this.end = end;
            this.period = period;
            this.due = firstDue;
            this.claimsOnly = claimsOnly;
        }

        void run() {
            while (System.nanoTime() < end) {
                if (held == null && !claimsOnly) { // no task in hand (an empty queue or a failed claim): try again shortly
                    pause();
                    held = claim(auth, true);
                    continue;
                }
                long t0 = System.nanoTime();
                if (period > 0) { // timed from when it was due: a late start is the server's queue, not the driver's
                    sleepUntil(due);
                    t0 = due;
                    due += period;
                }
                if (claimsOnly) {
                    String claimed = claim(auth, true);
                    long t2 = System.nanoTime();
                    if (claimed != null && t0 >= measureFrom && t0 < end) {
                        record(t0, t2 - t0, 0, t2 - t0);
                    }
                    continue;
                }
                boolean decided = complete(auth, held);
                long t1 = System.nanoTime();
                held = claim(auth, true);
                long t2 = System.nanoTime();
                if (decided && held != null && t0 >= measureFrom && t0 < end) {
                    record(t0, t2 - t0, t1 - t0, t2 - t1);
                }
            }
        }

        void record(long at, long roundTrip, long completion, long claim) {
            if (count == roundTrips.length) {
                roundTrips = Arrays.copyOf(roundTrips, count * 2);
                completions = Arrays.copyOf(completions, count * 2);
                claims = Arrays.copyOf(claims, count * 2);
                startedAt = Arrays.copyOf(startedAt, count * 2);
            }
            startedAt[count] = at;
            roundTrips[count] = roundTrip;
            completions[count] = completion;
            claims[count++] = claim;
        }
    }

    static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completes the held task with an approval. @return whether the server accepted it */
    static boolean complete(String auth, String taskId) {
        return post(auth, "/api/v1/tasks/" + taskId + "/completion", "{\"verdict\":\"APPROVE\"}", "completion") != null;
    }

    /** Claims the next task. @return its id, or null (counted as a failure) */
    static String claim(String auth, boolean countEmpty) {
        String body = post(auth, claimPath, "{}", "claim-next");
        if (body == null) {
            return null;
        }
        String id = taskId(body);
        if (id == null && countEmpty) {
            fail("claim-next empty (no task returned)");
        }
        return id;
    }

    /** Posts {@code json}; @return the 2xx answer's body, or null (counted as a failure) */
    static String post(String auth, String path, String json, String what) {
        try {
            PlainHttp.Response response = CONNECTION.get().post(path, auth, json);
            if (response.status() / 100 != 2) {
                fail(what + " HTTP " + response.status());
                if (FIRST_BODIES.putIfAbsent(what + response.status(), Boolean.TRUE) == null) {
                    System.err.println("first " + what + " HTTP " + response.status() + ": "
                            + response.body().substring(0, Math.min(500, response.body().length())));
                }
                return null;
            }
            return response.body();
        } catch (IOException e) {
            fail(what + " " + e.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * HTTP/1.1 on one kept-alive socket: a POST with a JSON body, its answer read by Content-Length
     * or chunked transfer coding. Reconnects after an I/O error or a "Connection: close".
     */
    static final class PlainHttp {
        private final URI base;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        record Response(int status, String body) {
        }

        PlainHttp(URI base) {
            this.base = base;
        }

        Response post(String path, String authorization, String json) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = new BufferedOutputStream(socket.getOutputStream(), 4_096);
            }
            try {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                String head = "POST " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nAuthorization: " + authorization + "\r\nContent-Type: application/json\r\n"
                        + "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private Response read() throws IOException {
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP/1.1 status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closeAfter = value.equalsIgnoreCase("close");
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) { // trailers
                }
            } else if (length > 0) {
                body.write(in.readNBytes((int) length));
            }
            if (closeAfter) {
                close();
            }
            return new Response(code, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // already broken: the next call connects again
            }
            socket = null;
        }
    }

    static final Map<String, Boolean> FIRST_BODIES = new ConcurrentHashMap<>();

    static void fail(String kind) {
        FAILURES.computeIfAbsent(kind, x -> new LongAdder()).increment();
    }

    /**
     * The id of the first claimed task in {"tasks":[{"task":{...,"id":"...",...},...}]}; TaskJson has
     * no nested objects, so its id is the "id" member between "task":{ and the next }.
     */
    static String taskId(String body) {
        int task = body.indexOf("\"task\":{");
        if (task < 0) {
            task = body.indexOf("\"task\": {");
        }
        if (task < 0) {
            return null;
        }
        int close = body.indexOf('}', task);
        String object = close < 0 ? body.substring(task) : body.substring(task, close);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(object);
        return m.find() ? m.group(1) : null;
    }

    static String summary(long[] sorted) {
        if (sorted.length == 0) {
            return "no samples";
        }
        return String.format("p50 %.1f, p90 %.1f, p95 %.1f, p99 %.1f, max %.1f (mean %.1f)", ms(pct(sorted, 50)),
                ms(pct(sorted, 90)), ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]),
                ms((long) Arrays.stream(sorted).average().orElse(0)));
    }

    /** Nearest-rank percentile of a sorted array. */
    static long pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static Map<String, String> arguments(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                System.err.println("unexpected argument " + args[i]);
                System.exit(2);
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            System.err.println("missing value after " + args[args.length - 1]);
            System.exit(2);
        }
        return a;
    }
}
