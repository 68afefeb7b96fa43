package io.oversight.ledger.format;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a bundle in the layout documented on {@link BundleWriter}, from a directory or a zip file,
 * of format version 2 or the older 1 (which lacks {@code previous-entry.bin}).
 * Reading checks the layout only; {@link BundleVerifier} judges the content. Entries are streamed,
 * so memory use does not grow with the bundle. Not thread-safe.
 */
public final class BundleReader implements Closeable {

    private static final int MAX_SMALL_FILE = 1 << 20;

    private final Source source;
    private final BundleManifest manifest;
    private final BundlePrefix prefix;

    private BundleReader(Source source) throws IOException, MalformedBundleException {
        this.source = source;
        this.manifest = BundleManifest.parse(required(BundleWriter.MANIFEST));
        byte[] prefixBytes = required(BundleWriter.PREFIX);
        Optional<byte[]> previousEntry = Optional.empty();
        if (manifest.formatVersion() >= 2) {
            // Format 1 had no previous entry; a stray file in one is ignored like any unknown file.
            previousEntry = optional(BundleWriter.PREVIOUS_ENTRY);
            if (manifest.firstSequence() > 0 && previousEntry.isEmpty()) {
                throw new MalformedBundleException("bundle has no " + BundleWriter.PREVIOUS_ENTRY + ": a bundle of format "
                        + manifest.formatVersion() + " starting at entry " + manifest.firstSequence()
                        + " must carry entry " + (manifest.firstSequence() - 1));
            }
        }
        this.prefix = BundlePrefix.decode(prefixBytes, previousEntry);
    }

    /**
     * Opens a bundle directory or zip file and reads its manifest and prefix.
     *
     * @throws MalformedBundleException if the path is neither, or the manifest or prefix is missing or malformed
     */
    public static BundleReader open(Path path) throws IOException, MalformedBundleException {
        Source source;
        if (Files.isDirectory(path)) {
            source = new DirectorySource(path);
        } else if (Files.isRegularFile(path)) {
            try {
                source = new ZipSource(new ZipFile(path.toFile()));
            } catch (ZipException e) {
                throw new MalformedBundleException(path + " is neither a bundle directory nor a zip file", e);
            }
        } else {
            throw new MalformedBundleException(path + " does not exist");
        }
        try {
            return new BundleReader(source);
        } catch (IOException | MalformedBundleException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    public BundleManifest manifest() {
        return manifest;
    }

    public BundlePrefix prefix() {
        return prefix;
    }

    /** The bytes of every {@code checkpoints/*.note} file, by file name. */
    public List<byte[]> checkpointNotes() throws IOException, MalformedBundleException {
        List<byte[]> notes = new ArrayList<>();
        for (String name : source.list(BundleWriter.CHECKPOINTS)) {
            if (name.endsWith(".note")) {
                notes.add(required(name));
            }
        }
        return notes;
    }

    /** The bundled consistency proof from {@code fromSize} to {@code toSize}, if present. */
    public Optional<List<byte[]>> consistencyProof(long fromSize, long toSize) throws IOException, MalformedBundleException {
        String name = BundleWriter.proofName(fromSize, toSize);
        Optional<byte[]> bytes = optional(name);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        byte[] b = bytes.get();
        if (b.length % Digest.LENGTH != 0) {
            throw new MalformedBundleException(name + " is not a whole number of 32-byte hashes");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 0; i < b.length; i += Digest.LENGTH) {
            proof.add(Arrays.copyOfRange(b, i, i + Digest.LENGTH));
        }
        return Optional.of(proof);
    }

    /** The copy of the log's trust file, if the bundle carries one; informational, never a trust anchor. */
    public Optional<byte[]> trustFile() throws IOException, MalformedBundleException {
        return optional(BundleWriter.TRUST);
    }

    /** A new stream over {@code entries.bin}, from its start. */
    public EntryStream entries() throws IOException, MalformedBundleException {
        InputStream in = source.open(BundleWriter.ENTRIES)
                .orElseThrow(() -> new MalformedBundleException("bundle has no " + BundleWriter.ENTRIES));
        return new EntryStream(in, manifest.firstSequence());
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private byte[] required(String name) throws IOException, MalformedBundleException {
        return optional(name).orElseThrow(() -> new MalformedBundleException("bundle has no " + name));
    }

    private Optional<byte[]> optional(String name) throws IOException, MalformedBundleException {
        Optional<InputStream> in = source.open(name);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream s = in.get()) {
            byte[] bytes = s.readNBytes(MAX_SMALL_FILE + 1);
            if (bytes.length > MAX_SMALL_FILE) {
                throw new MalformedBundleException(name + " exceeds " + MAX_SMALL_FILE + " bytes");
            }
            return Optional.of(bytes);
        }
    }

    /** The stored entries of {@code entries.bin}, one at a time. */
    public static final class EntryStream implements Closeable {
        private final DataInputStream in;
        private long sequence;

        private EntryStream(InputStream in, long firstSequence) {
            this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            this.sequence = firstSequence;
        }

        /**
         * The next entry's stored bytes, or empty at the end of the file.
         *
         * @throws MalformedBundleException if the file ends inside an entry or a length is out of bounds
         */
        public Optional<byte[]> next() throws IOException, MalformedBundleException {
            int b0 = in.read();
            if (b0 < 0) {
                return Optional.empty();
            }
            try {
                long length = ((long) b0 << 24) | ((long) in.readUnsignedByte() << 16)
                        | ((long) in.readUnsignedByte() << 8) | in.readUnsignedByte();
                if (length > EntryCodec.MAX_ENTRY_BYTES) {
                    throw new MalformedBundleException(sequence, "entries.bin: entry " + sequence + " claims "
                            + length + " bytes, limit " + EntryCodec.MAX_ENTRY_BYTES);
                }
                byte[] entry = new byte[(int) length];
                in.readFully(entry);
                sequence++;
                return Optional.of(entry);
            } catch (EOFException e) {
                throw new MalformedBundleException(sequence, "entries.bin is truncated inside entry " + sequence);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Files of a bundle by their path inside it. */
    private interface Source extends Closeable {
        Optional<InputStream> open(String name) throws IOException;

        List<String> list(String directory) throws IOException;
    }

    private static final class DirectorySource implements Source {
        private final Path root;

        DirectorySource(Path root) {
            this.root = root;
        }

        @Override
        public Optional<InputStream> open(String name) throws IOException {
            Path file = root.resolve(name);
            return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
        }

        @Override
        public List<String> list(String directory) throws IOException {
            Path dir = root.resolve(directory);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> directory + p.getFileName()).sorted().toList();
            }
        }

        @Override
        public void close() {
            // Files are opened and closed per read.
        }
    }

    private static final class ZipSource implements Source {
        private final ZipFile zip;

        ZipSource(ZipFile zip) {
            this.zip = zip;
        }

        @Override
        public Optional<InputStream> open(String name) throws IOException {
            ZipEntry entry = zip.getEntry(name);
            return entry == null || entry.isDirectory() ? Optional.empty() : Optional.of(zip.getInputStream(entry));
        }

        @Override
        public List<String> list(String directory) {
            List<String> names = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(directory) && name.indexOf('/', directory.length()) < 0 && name.length() > directory.length()) {
                    names.add(name);
                }
            }
            names.sort(null);
            return names;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
