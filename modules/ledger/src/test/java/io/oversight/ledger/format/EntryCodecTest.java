package io.oversight.ledger.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

    /** The worked example of docs/auditor-guide.md. */
    static LedgerEntry fixedEntry() {
        return LedgerEntry.builder()
                .sequence(0)
                .previousEntryHash(Digest.zero())
                .loggedAtMicros(1_767_225_600_000_000L)
                .occurredAtMicros(1_767_225_599_500_000L)
                .workflow("claims-triage")
                .actionType("review.decision.approved")
                .actor("p-7f3a9c", "reviewer")
                .subject("item", "item-42")
                .guideline("gv-3", Optional.of(Digest.of(TestLog.sha("guideline v3"))))
                .modelSnapshot("fraud-model-2.1", Optional.empty())
                .payloadDigest(Optional.of(Digest.of(TestLog.sha("payload"))))
                .attribute("label", "fraud")
                .attribute("confidence", "0.62")
                .build();
    }

    static final String FIXED_HEX = "010000000000000000000000000000000000000000000000000000000000000000000000000000000000064748462040000006474846189ee00"
            + "000000d636c61696d732d747269616765000000187265766965772e6465636973696f6e2e617070726f76656400000008702d37"
            + "6633613963000000087265766965776572000000046974656d000000076974656d2d34320000000467762d3300000020689b8c6d"
            + "600255b0af7a2990f8cb1e580ea2b852436880ae0d0938da5bddb2530000000f66726175642d6d6f64656c2d322e3100000000"
            + "00000020239f59ed55e737c77147cf55ad0c1b030b6d7ee748a7426952f9b852d5a935e500000000000000020000000a636f6e"
            + "666964656e636500000004302e3632000000056c6162656c000000056672617564";
    static final String FIXED_LEAF = "c9adef6e80da9447c3bb589f0066965ba26bab57b441f1c5f8b6c18b393b0bca";
    static final String FIXED_CHAIN = "92f03d50c706c3a1c790f1982d8102b5f7428ec1343e82c63a79e384bcb6213a";

    @Test
    void fixedVectorEncodesToKnownBytesAndHashes() throws Exception {
        byte[] bytes = EntryCodec.encode(fixedEntry());
        assertEquals(FIXED_HEX, HexFormat.of().formatHex(bytes));
        assertEquals(FIXED_LEAF, HexFormat.of().formatHex(LedgerHashes.leafHash(bytes)));
        assertEquals(FIXED_CHAIN, HexFormat.of().formatHex(LedgerHashes.chainHash(bytes)));
        assertEquals(fixedEntry(), EntryCodec.decode(bytes));
    }

    @Test
    void roundTripIsExactForManyEntries() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            LedgerEntry entry = TestLog.entry(i, Digest.of(TestLog.sha("p" + i)), random.nextLong() >>> 1, random);
            byte[] bytes = EntryCodec.encode(entry);
            LedgerEntry decoded = EntryCodec.decode(bytes);
            assertEquals(entry, decoded);
            assertArrayEquals(bytes, EntryCodec.encode(decoded));
        }
    }

    @Test
    void attributesAreOrderedByUtf8BytesNotUtf16() throws Exception {
        // U+FF5E sorts after U+1F600 in UTF-16 code units but before it in UTF-8 bytes.
        LedgerEntry entry = base().attribute("\uD83D\uDE00", "smile").attribute("\uFF5E", "tilde").attribute("a", "").build();
        assertEquals(List.of("a", "\uFF5E", "\uD83D\uDE00"), List.copyOf(entry.attributes().keySet()));
        byte[] bytes = EntryCodec.encode(entry);
        assertArrayEquals(bytes, EntryCodec.encode(EntryCodec.decode(bytes)));
        LedgerEntry sameOtherOrder = base().attribute("a", "").attribute("\uFF5E", "tilde").attribute("\uD83D\uDE00", "smile").build();
        assertArrayEquals(bytes, EntryCodec.encode(sameOtherOrder));
    }

    @Test
    void constructionRejectsInvalidFields() {
        assertThrows(IllegalArgumentException.class, () -> base().sequence(-1).build());
        assertThrows(IllegalArgumentException.class, () -> base().actionType("").build());
        assertThrows(IllegalArgumentException.class, () -> base().actor("", "reviewer").build());
        assertThrows(IllegalArgumentException.class, () -> base().workflow("\uD800").build());
        assertThrows(IllegalArgumentException.class, () -> base().subject("item", "x".repeat(4097)).build());
        assertThrows(IllegalArgumentException.class, () -> base().attribute("", "v").build());
        LedgerEntry.Builder many = base();
        for (int i = 0; i < 65; i++) {
            many.attribute("k" + i, "v");
        }
        assertThrows(IllegalArgumentException.class, many::build);
        LedgerEntry.Builder huge = base();
        for (int i = 0; i < 20; i++) {
            huge.attribute("k" + i, "v".repeat(4096));
        }
        LedgerEntry tooBig = huge.build();
        assertThrows(IllegalArgumentException.class, () -> EntryCodec.encode(tooBig));
    }

    @Test
    void decodeRejectsUnknownVersion() {
        byte[] bytes = EntryCodec.encode(fixedEntry());
        bytes[0] = 2;
        assertMalformed(bytes, "version");
    }

    @Test
    void decodeRejectsTrailingBytesAndEveryTruncation() {
        byte[] bytes = EntryCodec.encode(fixedEntry());
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertMalformed(longer, "trailing");
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(bytes, n);
            assertThrows(MalformedEntryException.class, () -> EntryCodec.decode(cut), "truncated to " + n);
        }
    }

    @Test
    void decodeRejectsUnsortedAndDuplicateAttributeKeys() {
        assertMalformed(encodeRaw(List.of("b", "1", "a", "2")), "strictly increasing");
        assertMalformed(encodeRaw(List.of("a", "1", "a", "2")), "strictly increasing");
    }

    @Test
    void decodeRejectsWrongDigestLength() {
        byte[] bytes = EntryCodec.encode(base().build());
        // The guideline digest field follows the seven strings; base() has none, so its length is 0.
        int at = offsetOfGuidelineDigest(bytes);
        ByteBuffer.wrap(bytes).putInt(at, 16);
        assertMalformed(bytes, "guidelineDigest");
    }

    @Test
    void decodeRejectsInvalidUtf8() {
        for (byte[] bad : List.of(new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xff}, new byte[] {(byte) 0xe2, (byte) 0x82})) {
            byte[] bytes = EntryCodec.encode(base().workflow("x".repeat(bad.length)).build());
            System.arraycopy(bad, 0, bytes, 1 + 8 + 32 + 8 + 8 + 4, bad.length);
            assertMalformed(bytes, "UTF-8");
        }
    }

    @Test
    void decodeRejectsOversizeFields() {
        byte[] bytes = EntryCodec.encode(base().build());
        ByteBuffer.wrap(bytes).putInt(1 + 8 + 32 + 8 + 8, 4097);
        assertMalformed(bytes, "limit");
        assertMalformed(new byte[EntryCodec.MAX_ENTRY_BYTES + 1], "limit");
    }

    @Test
    void decodeRejectsEmptyRequiredField() {
        byte[] bytes = encodeRaw(List.of());
        int actionTypeLength = 1 + 8 + 32 + 8 + 8 + 4 + "wf".length();
        byte[] broken = new byte[bytes.length - "act".length()];
        System.arraycopy(bytes, 0, broken, 0, actionTypeLength);
        System.arraycopy(bytes, actionTypeLength + 4 + 3, broken, actionTypeLength + 4, bytes.length - actionTypeLength - 4 - 3);
        assertMalformed(broken, "actionType");
    }

    @Test
    void utf8CheckAgreesWithTheJdkDecoder() {
        Random random = new Random(99);
        java.nio.charset.CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[1 + random.nextInt(5)];
            random.nextBytes(b);
            if (i % 2 == 0) {
                b[0] = (byte) (0xc0 + random.nextInt(0x40));
            }
            boolean expected;
            try {
                jdk.decode(ByteBuffer.wrap(b));
                expected = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                expected = false;
            }
            assertEquals(expected, EntryCodec.isWellFormedUtf8(b, 0, b.length), HexFormat.of().formatHex(b));
        }
    }

    @Test
    void validationAgreesWithDecodingOnDamagedEntries() throws Exception {
        Random random = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = EntryCodec.encode(TestLog.entry(i, Digest.of(TestLog.sha("p" + i)), i, random));
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            boolean decodes;
            try {
                LedgerEntry entry = EntryCodec.decode(bytes);
                assertArrayEquals(bytes, EntryCodec.encode(entry), "a decodable entry re-encodes exactly");
                decodes = true;
            } catch (MalformedEntryException e) {
                decodes = false;
            }
            boolean validates;
            try {
                EntryCodec.Header header = EntryCodec.validate(bytes);
                if (decodes) {
                    LedgerEntry entry = EntryCodec.decode(bytes);
                    assertEquals(entry.sequence(), header.sequence());
                    assertEquals(entry.loggedAtMicros(), header.loggedAtMicros());
                    assertTrue(EntryCodec.previousHashEquals(bytes, entry.previousEntryHash().bytes()));
                    assertEquals(entry.previousEntryHash(), EntryCodec.previousHash(bytes));
                }
                validates = true;
            } catch (MalformedEntryException e) {
                validates = false;
            }
            assertEquals(decodes, validates, HexFormat.of().formatHex(bytes));
        }
    }

    private static LedgerEntry.Builder base() {
        return LedgerEntry.builder().sequence(3).previousEntryHash(Digest.of(TestLog.sha("x"))).workflow("wf")
                .actionType("act").actor("p-1", "reviewer").loggedAtMicros(5).occurredAtMicros(4);
    }

    /** The encoding of base() with attributes written in the given order, bypassing the sorting. */
    private static byte[] encodeRaw(List<String> keyValues) {
        byte[] head = EntryCodec.encode(base().build());
        int withoutCount = head.length - 4;
        ByteBuffer out = ByteBuffer.allocate(head.length + 64);
        out.put(head, 0, withoutCount).putInt(keyValues.size() / 2);
        for (String s : keyValues) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.putInt(b.length).put(b);
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    private static int offsetOfGuidelineDigest(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int at = 1 + 8 + 32 + 8 + 8;
        for (int i = 0; i < 7; i++) {
            at += 4 + in.getInt(at);
        }
        return at;
    }

    private static void assertMalformed(byte[] bytes, String reasonPart) {
        MalformedEntryException e = assertThrows(MalformedEntryException.class, () -> EntryCodec.decode(bytes));
        assertTrue(e.getMessage().contains(reasonPart), e.getMessage());
        assertEquals(VerificationException.Kind.TAMPERING, e.kind());
    }
}
