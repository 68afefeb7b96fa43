package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC L9: random tamperings of a 5,000-entry bundle (changed, inserted, deleted, duplicated,
 * reordered and truncated entries; altered prefix, checkpoints and manifest) are all detected, and
 * where a first bad entry is defined the verifier names it.
 */
class TamperTest {

    private static final int ENTRIES = 5_000;
    private static final int TRIALS = 240;

    @TempDir
    Path tmp;

    /** A tampered bundle and the sequence numbers the verifier may rightly report (empty: any failure). */
    private record Tampered(String what, Map<String, byte[]> files, Set<Long> sequences) {
    }

    @Test
    void everyTamperingIsDetectedAtTheRightEntry() throws Exception {
        TestLog log = TestLog.withEntries(ENTRIES);
        Map<String, byte[]> full = read(log.writeBundle(tmp.resolve("full"), 0, ENTRIES, 1_000, 2_500, ENTRIES));
        Map<String, byte[]> range = read(log.writeBundle(tmp.resolve("range"), 1_500, ENTRIES, 2_500, ENTRIES));
        BundleVerifier verifier = new BundleVerifier(TestLog.ORIGIN, log.trust());
        assertTrue(verify(verifier, write(full, tmp.resolve("pristine-full"))).verified());
        assertTrue(verify(verifier, write(range, tmp.resolve("pristine-range"))).verified());

        Random random = new Random(2024);
        int located = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            boolean useRange = trial % 3 == 2;
            Tampered t = tamper(useRange ? range : full, useRange ? 1_500 : 0, log, random);
            VerificationReport report = verify(verifier, write(t.files(), tmp.resolve("t" + trial)));
            String context = "trial " + trial + " (" + t.what() + ")";
            assertTrue(report.failure().isPresent(), context + " was not detected");
            VerificationException failure = report.failure().get();
            if (!t.sequences().isEmpty()) {
                assertTrue(failure.sequence().isPresent() && t.sequences().contains(failure.sequence().getAsLong()),
                        context + ": expected first bad sequence in " + t.sequences() + ", got " + failure);
                located++;
            }
        }
        assertTrue(located >= TRIALS / 2, "most tamperings have a defined first bad entry: " + located);
    }

    private static Tampered tamper(Map<String, byte[]> pristine, long first, TestLog log, Random random) {
        Map<String, byte[]> files = new LinkedHashMap<>(pristine);
        List<byte[]> entries = frames(files.get("entries.bin"));
        int n = entries.size();
        int i = random.nextInt(n - 2);
        long s = first + i;
        String what;
        Set<Long> expect;
        switch (random.nextInt(12)) {
            case 0, 1, 2 -> {
                byte[] e = entries.get(i).clone();
                int at = random.nextInt(e.length);
                e[at] ^= (byte) (1 << random.nextInt(8));
                entries.set(i, e);
                what = "flip bit in entry " + s + " at byte " + at;
                // The chain detects a changed entry when checking the link of the next one.
                expect = Set.of(s, s + 1);
            }
            case 3 -> {
                entries.remove(i);
                what = "delete entry " + s;
                expect = Set.of(s);
            }
            case 4 -> {
                entries.add(i, entries.get(i + 1));
                what = "insert a copy of entry " + (s + 1) + " before entry " + s;
                expect = Set.of(s);
            }
            case 5 -> {
                entries.add(i + 1, entries.get(i));
                what = "duplicate entry " + s;
                expect = Set.of(s + 1);
            }
            case 6 -> {
                byte[] e = entries.get(i);
                entries.set(i, entries.get(i + 1));
                entries.set(i + 1, e);
                what = "swap entries " + s + " and " + (s + 1);
                expect = Set.of(s);
            }
            case 7 -> {
                Digest previous = i == 0 ? Digest.of(chainOfPrefix(log, first)) : Digest.of(LedgerHashes.chainHash(entries.get(i - 1)));
                long loggedAt = EntryCodecTestSupport.loggedAt(entries.get(i));
                entries.set(i, EntryCodec.encode(TestLog.entry(s, previous, loggedAt, random)));
                what = "replace entry " + s + " by a well-formed, well-linked forgery";
                expect = Set.of(s, s + 1);
            }
            case 8 -> {
                byte[] bin = files.get("entries.bin");
                int cut = random.nextInt(bin.length);
                files.put("entries.bin", java.util.Arrays.copyOf(bin, cut));
                what = "truncate entries.bin to " + cut + " bytes";
                return new Tampered(what, files, Set.of(first + entryAt(bin, cut)));
            }
            case 9 -> {
                String name = random.nextBoolean() ? "prefix.bin" : checkpointName(files, random);
                files.put(name, flipBit(files.get(name), random));
                return new Tampered("flip a bit in " + name, files, Set.of());
            }
            case 10 -> {
                int drop = 1 + random.nextInt(n - i - 1);
                entries = new ArrayList<>(entries.subList(0, n - drop));
                String manifest = new String(files.get("bundle.properties"), StandardCharsets.UTF_8)
                        .replace("entry-count=" + n, "entry-count=" + (n - drop));
                files.put("bundle.properties", manifest.getBytes(StandardCharsets.UTF_8));
                what = "drop the last " + drop + " entries and fix the manifest";
                expect = Set.of(first + n - drop);
            }
            default -> {
                int to = i + 1 + random.nextInt(n - i - 1);
                entries.add(to, entries.remove(i));
                what = "move entry " + s + " to position " + (first + to);
                expect = Set.of(s);
            }
        }
        files.put("entries.bin", unframe(entries));
        return new Tampered(what, files, expect);
    }

    private static byte[] chainOfPrefix(TestLog log, long first) {
        return log.chainHashes.get((int) first - 1);
    }

    private static String checkpointName(Map<String, byte[]> files, Random random) {
        List<String> names = files.keySet().stream().filter(k -> k.startsWith("checkpoints/")).toList();
        return names.get(random.nextInt(names.size()));
    }

    private static byte[] flipBit(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    /** Index of the entry whose frame contains byte offset {@code cut} of entries.bin. */
    private static long entryAt(byte[] bin, int cut) {
        ByteBuffer in = ByteBuffer.wrap(bin);
        long index = 0;
        while (in.position() + 4 + in.getInt(in.position()) <= cut) {
            in.position(in.position() + 4 + in.getInt(in.position()));
            index++;
        }
        return index;
    }

    static List<byte[]> frames(byte[] bin) {
        List<byte[]> entries = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bin);
        while (in.hasRemaining()) {
            byte[] e = new byte[in.getInt()];
            in.get(e);
            entries.add(e);
        }
        return entries;
    }

    static byte[] unframe(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(e.length).array());
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    private static VerificationReport verify(BundleVerifier verifier, Path bundle) throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            return verifier.verify(reader, Optional.empty());
        } catch (MalformedBundleException e) {
            return new VerificationReport(TestLog.ORIGIN, 0, 0, List.of(), Optional.empty(), List.of(), Optional.of(e));
        }
    }

    private static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Path write(Map<String, byte[]> files, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        return dir;
    }

    /** Reads the loggedAt field at its fixed offset (after version, sequence and previous hash). */
    private static final class EntryCodecTestSupport {
        static long loggedAt(byte[] entry) {
            return ByteBuffer.wrap(entry).getLong(1 + 8 + 32);
        }
    }

    @Test
    void framesRoundTrip() {
        List<byte[]> entries = List.of(new byte[] {1, 2}, new byte[0], new byte[] {3});
        assertEquals(3, frames(unframe(entries)).size());
    }
}
