package io.oversight.app.it;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * An OpenID Connect provider on loopback for the integration runs (issuer {@code /oversight}),
 * started before Arquillian starts the server that is configured to use it. Tests decide who the
 * next sign-in is with {@link #nextSignIn}; the provider hands queued identities out at its token
 * endpoint, in order.
 */
public class IdentityProviderForTests implements LauncherSessionListener {

    public static final String ISSUER_ID = "oversight";
    public static final String CLIENT_ID = "oversight-it";

    private static MockOAuth2Server provider;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("it.oidc.port");
        // only the integration runs (which set it.db) need it, not the unit-test JVM
        if (port == null || System.getProperty("it.db") == null) {
            return;
        }
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), Integer.parseInt(port));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (provider != null) {
            provider.shutdown();
        }
    }

    /** The ID token of the next sign-in: this user, in these groups. */
    public static void nextSignIn(String username, List<String> groups) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "sub-" + username, "JWT", List.of(CLIENT_ID),
                Map.of("preferred_username", username, "groups", groups), 3600));
    }
}
