package io.oversight.ledger.format;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a ledger bundle as a directory or a zip file, in constant memory: entries stream
 * straight to {@code entries.bin}; only the small files are held until {@link #close()}.
 *
 * <p>Layout (paths inside the directory or zip):
 * <pre>
 * bundle.properties                          {@link BundleManifest}, format version 2
 * prefix.bin                                 {@link BundlePrefix}
 * previous-entry.bin                         stored bytes of entry first-1, unframed; only when first &gt; 0
 * entries.bin                                per entry, in sequence order: u32 length || stored entry bytes
 * checkpoints/&lt;tree size, 20 digits&gt;.note    signed checkpoints, sizes within [first, first + count]
 * proofs/consistency-&lt;from&gt;-&lt;to&gt;.bin         optional consistency proofs: concatenated 32-byte hashes;
 *                                            sizes in plain decimal, no leading zeros (not padded)
 * trust.txt                                  optional copy of the log's trust file, for information only
 * </pre>
 *
 * <p>Entries are written exactly as stored, never re-encoded or checked: exporting what is stored is
 * the point, and judging it is the verifier's job. The last checkpoint should cover the last entry;
 * the verifier rejects entries no checkpoint covers. Not thread-safe.
 */
public final class BundleWriter implements Closeable {

    static final String MANIFEST = "bundle.properties";
    static final String PREFIX = "prefix.bin";
    static final String PREVIOUS_ENTRY = "previous-entry.bin";
    static final String ENTRIES = "entries.bin";
    static final String CHECKPOINTS = "checkpoints/";
    static final String PROOFS = "proofs/";
    static final String TRUST = "trust.txt";

    private final Sink sink;
    private final OutputStream entries;
    private final String origin;
    private final BundlePrefix prefix;
    private final Map<String, byte[]> smallFiles = new TreeMap<>();
    private long entryCount;
    private boolean closed;

    private BundleWriter(Sink sink, String origin, BundlePrefix prefix) throws IOException {
        Checkpoint.checkName("origin", origin);
        this.sink = sink;
        this.origin = origin;
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        if (prefix.treeSize() > 0 && prefix.previousEntry().isEmpty()) {
            throw new IllegalArgumentException("a bundle starting at entry " + prefix.treeSize()
                    + " carries entry " + (prefix.treeSize() - 1) + ": give it with BundlePrefix.of");
        }
        this.entries = sink.open(ENTRIES);
    }

    /** A bundle written into {@code directory}, created if needed, which should be empty. */
    public static BundleWriter toDirectory(Path directory, String origin, BundlePrefix prefix) throws IOException {
        Files.createDirectories(directory);
        return new BundleWriter(new DirectorySink(directory), origin, prefix);
    }

    /** A bundle written as a zip file to {@code out}, which {@link #close()} closes. */
    public static BundleWriter toZip(OutputStream out, String origin, BundlePrefix prefix) throws IOException {
        return new BundleWriter(new ZipSink(new ZipOutputStream(new BufferedOutputStream(out))), origin, prefix);
    }

    /** Appends the next entry's stored bytes; entries must come in sequence order from the prefix size. */
    public void addEntry(byte[] storedEntryBytes) throws IOException {
        entries.write(new byte[] {
                (byte) (storedEntryBytes.length >>> 24), (byte) (storedEntryBytes.length >>> 16),
                (byte) (storedEntryBytes.length >>> 8), (byte) storedEntryBytes.length});
        entries.write(storedEntryBytes);
        entryCount++;
    }

    /**
     * Adds a signed checkpoint note as produced by {@link NoteSigner#sign}.
     *
     * @throws IllegalArgumentException if it is not a well-formed checkpoint note, or one for the same size was added
     */
    public void addCheckpoint(String signedNote) {
        byte[] bytes = signedNote.getBytes(StandardCharsets.UTF_8);
        long size;
        try {
            size = Checkpoint.parse(SignedNote.parse(bytes).text()).size();
        } catch (MalformedNoteException e) {
            throw new IllegalArgumentException("not a checkpoint note: " + e.getMessage(), e);
        }
        addSmallFile(checkpointName(size), bytes);
    }

    /**
     * Adds a checkpoint note exactly as the server stored it, under the tree size it is stored at,
     * without parsing it: an exporter must not repair or drop what it found, judging it is the
     * verifier's job.
     */
    public void addStoredCheckpoint(long treeSize, byte[] storedNote) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        addSmallFile(checkpointName(treeSize), storedNote.clone());
    }

    /** Adds the consistency proof from tree size {@code fromSize} to {@code toSize}. */
    public void addConsistencyProof(long fromSize, long toSize, List<byte[]> proof) {
        byte[] bytes = new byte[proof.size() * Digest.LENGTH];
        for (int i = 0; i < proof.size(); i++) {
            if (proof.get(i).length != Digest.LENGTH) {
                throw new IllegalArgumentException("proof hashes are 32 bytes");
            }
            System.arraycopy(proof.get(i), 0, bytes, i * Digest.LENGTH, Digest.LENGTH);
        }
        addSmallFile(proofName(fromSize, toSize), bytes);
    }

    /** Adds a copy of the log's trust file, for the auditor's information; the verifier never trusts it. */
    public void addTrustFile(String trustFile) {
        addSmallFile(TRUST, trustFile.getBytes(StandardCharsets.UTF_8));
    }

    /** Number of entries written so far. */
    public long entryCount() {
        return entryCount;
    }

    /** Finishes {@code entries.bin} and writes the other files. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        sink.closeEntry(entries);
        smallFiles.put(PREFIX, prefix.encode());
        prefix.previousEntry().ifPresent(previous -> smallFiles.put(PREVIOUS_ENTRY, previous));
        smallFiles.put(MANIFEST, new BundleManifest(BundleManifest.FORMAT_VERSION, origin, prefix.treeSize(), entryCount)
                .encode()
                .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : smallFiles.entrySet()) {
            OutputStream out = sink.open(file.getKey());
            out.write(file.getValue());
            sink.closeEntry(out);
        }
        sink.close();
    }

    static String checkpointName(long size) {
        return CHECKPOINTS + String.format("%020d", size) + ".note";
    }

    static String proofName(long fromSize, long toSize) {
        return PROOFS + "consistency-" + fromSize + "-" + toSize + ".bin";
    }

    private void addSmallFile(String name, byte[] bytes) {
        if (closed) {
            throw new IllegalStateException("bundle already closed");
        }
        if (smallFiles.putIfAbsent(name, bytes) != null) {
            throw new IllegalArgumentException(name + " was already added");
        }
    }

    /** Where bundle files go: one open file at a time. */
    private interface Sink extends Closeable {
        OutputStream open(String name) throws IOException;

        void closeEntry(OutputStream out) throws IOException;
    }

    private static final class DirectorySink implements Sink {
        private final Path root;

        DirectorySink(Path root) {
            this.root = root;
        }

        @Override
        public OutputStream open(String name) throws IOException {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        @Override
        public void closeEntry(OutputStream out) throws IOException {
            out.close();
        }

        @Override
        public void close() {
            // Every file is closed by closeEntry; the directory itself needs nothing.
        }
    }

    private static final class ZipSink implements Sink {
        private final ZipOutputStream zip;

        ZipSink(ZipOutputStream zip) {
            this.zip = zip;
        }

        @Override
        public OutputStream open(String name) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            // Writes go to the current zip entry; closing the wrapper must not close the zip.
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    zip.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                }
            };
        }

        @Override
        public void closeEntry(OutputStream out) throws IOException {
            zip.closeEntry();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
