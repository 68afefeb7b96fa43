package io.oversight.ledger.storage;

import io.oversight.ledger.PersonKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's cryptography, apart from where its results are stored: random pseudonyms and subject
 * keys, the lookup hash (HMAC-SHA-256 under a key derived from the vault key), subject keys wrapped
 * under the vault key, and fields sealed under a subject key with AES-GCM, each bound to its pseudonym
 * and field name as associated data. Thread-safe.
 */
final class VaultCrypto {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    // One cipher and one MAC per thread: looking the algorithm up among the providers cost more than
    // the encryption itself (each seal re-initialises the cipher with its key and a fresh IV)
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> instance(() -> Mac.getInstance("HmacSHA256")));

    private final SecretKey vaultKey;
    private final byte[] lookupKey;
    private final SecureRandom random = new SecureRandom();

    VaultCrypto(SecretKey vaultKey) {
        this.vaultKey = vaultKey;
        this.lookupKey = hmac(vaultKey.getEncoded(), "oversight-vault-lookup-v1".getBytes(StandardCharsets.UTF_8));
    }

    /** The hash a person's subject is found by, revealing neither kind nor identity. */
    byte[] lookupHash(PersonKind kind, String identity) {
        return hmac(lookupKey, (kind.name() + "\u0000" + identity).getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh AES-256 key for a new subject. */
    byte[] newSubjectKey() {
        byte[] subjectKey = new byte[32];
        random.nextBytes(subjectKey);
        return subjectKey;
    }

    byte[] wrapSubjectKey(byte[] subjectKey, String pseudonym) {
        return seal(vaultKey, subjectKey, "subject-key\u0000" + pseudonym);
    }

    byte[] unwrapSubjectKey(byte[] wrappedKey, String pseudonym) throws SQLException {
        return open(vaultKey, wrappedKey, "subject-key\u0000" + pseudonym);
    }

    byte[] sealField(SecretKey subjectKey, String pseudonym, String name, String value) {
        return seal(subjectKey, value.getBytes(StandardCharsets.UTF_8), pseudonym + "\u0000" + name);
    }

    String openField(byte[] subjectKey, String pseudonym, String name, byte[] sealed) throws SQLException {
        return new String(open(subjectKey, sealed, pseudonym + "\u0000" + name), StandardCharsets.UTF_8);
    }

    /** A random pseudonym: {@code ps-} and 26 base-32 characters (130 bits). */
    String newPseudonym() {
        byte[] bits = new byte[17];
        random.nextBytes(bits);
        StringBuilder out = new StringBuilder("ps-");
        long buffer = 0;
        int available = 0;
        for (byte b : bits) {
            buffer = buffer << 8 | (b & 0xff);
            available += 8;
            while (available >= 5 && out.length() < 3 + 26) {
                out.append(BASE32[(int) (buffer >>> (available - 5)) & 31]);
                available -= 5;
            }
        }
        return out.toString();
    }

    private byte[] seal(SecretKey key, byte[] plaintext, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] open(SecretKey key, byte[] sealed, String associatedData) throws SQLException {
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new SQLException("vault ciphertext for " + associatedData.replace('\u0000', '/')
                    + " does not decrypt: wrong vault key or altered data", e);
        }
    }

    private static byte[] open(byte[] key, byte[] sealed, String associatedData) throws SQLException {
        return open(new SecretKeySpec(key, "AES"), sealed, associatedData);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = HMAC_SHA256.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }

    private interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T instance(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM or HMAC-SHA-256 unavailable", e);
        }
    }
}
