package io.oversight.app.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the session cookie {@code Secure} when the operator declared that people reach the server over
 * TLS ({@code oversight.security.servedOverTls}), directly or through a TLS-terminating proxy: the
 * server cannot tell the latter from the request, and a browser must then never send the session over
 * plain HTTP. HttpOnly and SameSite=Lax come from web.xml, which cannot read a setting.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    static final String SERVED_OVER_TLS = "oversight.security.servedOverTls";
    private static final Logger LOG = Logger.getLogger(SessionCookieSettings.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean servedOverTls = ConfigProvider.getConfig().getOptionalValue(SERVED_OVER_TLS, Boolean.class).orElse(false);
        if (apply(servedOverTls, event.getServletContext().getSessionCookieConfig())) {
            LOG.info("The session cookie is sent over HTTPS only (" + SERVED_OVER_TLS + "=true).");
        }
    }

    /** Marks the cookie Secure when people reach the server over TLS; never unmarks one web.xml marked. */
    static boolean apply(boolean servedOverTls, SessionCookieConfig cookie) {
        if (servedOverTls) {
            cookie.setSecure(true);
        }
        return cookie.isSecure();
    }
}
