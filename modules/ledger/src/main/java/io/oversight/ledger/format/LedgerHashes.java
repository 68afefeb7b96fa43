package io.oversight.ledger.format;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ledger's hash functions, each domain-separated by a one-byte prefix so that a value of one
 * kind can never be passed off as another (RFC 6962 section 2.1, RFC 9162 section 2.1.1):
 *
 * <ul>
 *   <li>leaf hash {@code SHA-256(0x00 || entryBytes)};
 *   <li>interior node hash {@code SHA-256(0x01 || left || right)};
 *   <li>chain hash {@code SHA-256(0x02 || entryBytes)}, the value the next entry embeds as its
 *       previous-entry hash; the prefix keeps the chain and the tree apart (immudb CVE-2022-36111);
 *   <li>root of the empty tree {@code SHA-256("")}.
 * </ul>
 *
 * <p>{@code entryBytes} are always the stored bytes of an entry, never a re-encoding. Thread-safe:
 * each thread reuses its own {@link MessageDigest}.
 */
public final class LedgerHashes {

    /** Prefix of a leaf hash. */
    public static final byte LEAF_PREFIX = 0x00;
    /** Prefix of an interior node hash. */
    public static final byte NODE_PREFIX = 0x01;
    /** Prefix of a chain hash. */
    public static final byte CHAIN_PREFIX = 0x02;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(LedgerHashes::newSha256);
    private static final byte[] EMPTY_ROOT = newSha256().digest();

    private LedgerHashes() {
    }

    /** {@code SHA-256(0x00 || entryBytes)}: the Merkle leaf of an entry. */
    public static byte[] leafHash(byte[] entryBytes) {
        MessageDigest md = SHA256.get();
        md.update(LEAF_PREFIX);
        md.update(entryBytes);
        return md.digest();
    }

    /** {@code SHA-256(0x02 || entryBytes)}: what the following entry records as previous-entry hash. */
    public static byte[] chainHash(byte[] entryBytes) {
        MessageDigest md = SHA256.get();
        md.update(CHAIN_PREFIX);
        md.update(entryBytes);
        return md.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}: an interior Merkle node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = SHA256.get();
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** {@code SHA-256("")}: the root hash of a tree with no leaves. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
