package io.oversight.app.it;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.InputStream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * An in-memory LDAP directory on loopback for the integration runs, started before Arquillian
 * starts the server (which is configured to use it) and stopped after the last test. Its content
 * is {@code it/directory.ldif}: user {@code lena} in group {@code auditor}.
 */
public class DirectoryForTests implements LauncherSessionListener {

    public static final String USER = "lena";
    public static final String PASSWORD = "ldap-Secret-123";

    private InMemoryDirectoryServer directory;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("it.ldap.port");
        // only the integration runs (which set it.db) need it, not the unit-test JVM
        if (port == null || System.getProperty("it.db") == null) {
            return;
        }
        try (InputStream ldif = DirectoryForTests.class.getResourceAsStream("/it/directory.ldif")) {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=oversight,dc=test");
            config.addAdditionalBindCredentials(System.getProperty("it.ldap.bind.dn"), System.getProperty("it.ldap.bind.password"));
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("loopback",
                    java.net.InetAddress.getLoopbackAddress(), Integer.parseInt(port), null));
            config.setSchema(null);
            directory = new InMemoryDirectoryServer(config);
            directory.importFromLDIF(true, new com.unboundid.ldif.LDIFReader(ldif));
            directory.startListening();
        } catch (LDAPException | java.io.IOException e) {
            throw new IllegalStateException("Cannot start the test LDAP directory on port " + port, e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (directory != null) {
            directory.shutDown(true);
        }
    }
}
