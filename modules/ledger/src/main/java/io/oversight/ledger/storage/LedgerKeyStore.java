package io.oversight.ledger.storage;

import io.oversight.ledger.format.NoteSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The ledger's secrets, in a PKCS#12 keystore whose path and password are configuration:
 * Ed25519 checkpoint signing keys (private key entries, one alias per key, as
 * {@code keytool -genkeypair -keyalg Ed25519} makes them) and the vault's AES key
 * ({@value #VAULT_KEY_ALIAS}, a secret key entry, as {@code keytool -genseckey -keyalg AES -keysize 256}
 * makes it).
 *
 * <p>In demo mode only, a missing keystore is created with a fresh signing key and vault key, and
 * {@link #generateSigningKey} can add keys: production keys are made by the operator, never by the
 * application. Thread-safe.
 */
public final class LedgerKeyStore {

    /** Alias of the vault's AES-256 key. */
    public static final String VAULT_KEY_ALIAS = "oversight-vault-key";

    private static final String TYPE = "PKCS12";

    private final Path path;
    private final char[] password;
    private final String keyName;
    private final boolean demo;
    private final KeyStore keyStore;
    private final Map<String, NoteSigner> signers = new HashMap<>();

    private LedgerKeyStore(Path path, char[] password, String keyName, boolean demo, KeyStore keyStore) {
        this.path = path;
        this.password = password;
        this.keyName = keyName;
        this.demo = demo;
        this.keyStore = keyStore;
    }

    /**
     * Opens the keystore; in demo mode creates it, with a signing key under {@code signingAlias} and a
     * vault key, if the file does not exist.
     *
     * @param keyName the name signatures are made under: the log's origin
     * @throws KeyStoreUnavailableException if the file is missing (outside demo mode) or unreadable
     */
    public static LedgerKeyStore open(Path path, char[] password, String keyName, String signingAlias, boolean demo) {
        Objects.requireNonNull(path, "path");
        try {
            KeyStore keyStore = KeyStore.getInstance(TYPE);
            if (Files.exists(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    keyStore.load(in, password);
                }
                return new LedgerKeyStore(path, password.clone(), keyName, demo, keyStore);
            }
            if (!demo) {
                throw new KeyStoreUnavailableException("ledger keystore " + path + " does not exist; create it"
                        + " (see the operator guide) or set oversight.demo=true for a generated development key");
            }
            keyStore.load(null, password);
            LedgerKeyStore created = new LedgerKeyStore(path, password.clone(), keyName, demo, keyStore);
            created.addSigningKey(signingAlias);
            KeyGenerator aes = KeyGenerator.getInstance("AES");
            aes.init(256);
            keyStore.setEntry(VAULT_KEY_ALIAS, new KeyStore.SecretKeyEntry(aes.generateKey()),
                    new KeyStore.PasswordProtection(password));
            created.save();
            return created;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyStoreUnavailableException("cannot open ledger keystore " + path + ": " + e.getMessage(), e);
        }
    }

    /** The checkpoint signer of the Ed25519 key under {@code alias}. */
    public synchronized NoteSigner signer(String alias) {
        NoteSigner cached = signers.get(alias);
        if (cached != null) {
            return cached;
        }
        try {
            Key key = keyStore.getKey(alias, password);
            if (!(key instanceof PrivateKey privateKey) || !"Ed25519".equalsIgnoreCase(key.getAlgorithm())
                    && !"EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
                throw new KeyStoreUnavailableException("keystore " + path + " has no Ed25519 private key under alias \""
                        + alias + "\"");
            }
            // PKCS#8 wraps the 32-byte RFC 8032 seed in an OCTET STRING (RFC 8410 section 7).
            byte[] seed = ASN1OctetString.getInstance(PrivateKeyInfo.getInstance(privateKey.getEncoded())
                    .parsePrivateKey()).getOctets();
            NoteSigner signer = NoteSigner.ed25519(keyName, seed);
            signers.put(alias, signer);
            return signer;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyStoreUnavailableException("cannot read signing key \"" + alias + "\" from " + path + ": "
                    + e.getMessage(), e);
        }
    }

    public synchronized boolean hasSigningKey(String alias) {
        try {
            return keyStore.isKeyEntry(alias) && keyStore.getKey(alias, password) instanceof PrivateKey;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether keys may be generated here: demo mode only. */
    public boolean isDemo() {
        return demo;
    }

    /**
     * Generates an Ed25519 signing key under {@code alias} and saves the keystore. Demo mode only.
     *
     * @throws IllegalStateException outside demo mode, or if the alias exists
     */
    public synchronized void generateSigningKey(String alias) {
        if (!demo) {
            throw new IllegalStateException("signing keys are generated by the operator outside demo mode");
        }
        try {
            if (keyStore.containsAlias(alias)) {
                throw new IllegalStateException("keystore " + path + " already has alias \"" + alias + "\"");
            }
            addSigningKey(alias);
            save();
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyStoreUnavailableException("cannot add signing key \"" + alias + "\" to " + path, e);
        }
    }

    /** The vault's AES key. */
    public synchronized SecretKey vaultKey() {
        try {
            Key key = keyStore.getKey(VAULT_KEY_ALIAS, password);
            if (!(key instanceof SecretKey secret) || secret.getEncoded() == null || secret.getEncoded().length != 32) {
                throw new KeyStoreUnavailableException("keystore " + path + " has no AES-256 key under alias \""
                        + VAULT_KEY_ALIAS + "\"");
            }
            return secret;
        } catch (GeneralSecurityException e) {
            throw new KeyStoreUnavailableException("cannot read the vault key from " + path, e);
        }
    }

    private void addSigningKey(String alias) throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        X500Name name = new X500Name("CN=Oversight development ledger key " + alias.replaceAll("[^A-Za-z0-9._-]", "_"));
        Instant now = Instant.now();
        try {
            // A keystore stores a private key only with a certificate; nobody relies on this one,
            // auditors trust the key through the trust file.
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()), Date.from(now),
                            Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic())
                            .build(new JcaContentSignerBuilder("Ed25519").build(pair.getPrivate())));
            keyStore.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {certificate});
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot self-sign the development key", e);
        }
    }

    private void save() throws GeneralSecurityException, IOException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".ledger-keystore", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            keyStore.store(out, password);
        }
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
