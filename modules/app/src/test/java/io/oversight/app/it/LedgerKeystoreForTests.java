package io.oversight.app.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the ledger keystore the PostgreSQL test server is configured with, the way the operator
 * guide tells an operator to (keytool: an Ed25519 signing key and an AES vault key in PKCS#12),
 * because outside demo mode the server never generates keys itself.
 */
public class LedgerKeystoreForTests implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String location = System.getProperty("it.ledger.keystore");
        if (location == null || !"postgres".equals(System.getProperty("it.db"))) {
            return;
        }
        Path keystore = Path.of(location);
        String password = System.getProperty("it.ledger.keystore.password");
        try {
            Files.deleteIfExists(keystore);
            keytool("-genkeypair", "-alias", "oversight-ledger", "-keyalg", "Ed25519", "-dname", "CN=oversight-it",
                    "-validity", "365", "-keystore", location, "-storetype", "PKCS12", "-storepass", password);
            keytool("-genseckey", "-alias", "oversight-vault-key", "-keyalg", "AES", "-keysize", "256",
                    "-keystore", location, "-storetype", "PKCS12", "-storepass", password);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the ledger keystore " + location, e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
