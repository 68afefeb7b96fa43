package io.oversight.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An incident: a failed request as the log records it (with the stack trace) and as the person sees
 * it (a short id and no trace). The id links the two; it is kept on the request so that the Faces
 * error handling and the error page agree on one id and log the incident once.
 */
final class Incidents {

    static final String INCIDENT = "io.oversight.incident";
    /** What the person is told, when the failure has a message meant for people (a refusal). */
    static final String MESSAGE = "io.oversight.incident.message";

    private static final Logger LOG = Logger.getLogger(Incidents.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private Incidents() {
    }

    /** The incident already recorded for this request, if any. */
    static Optional<String> recorded(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(INCIDENT));
    }

    /**
     * Logs a failed request under a new id and remembers the id on the request. Server faults are
     * logged as severe, refusals of what the person sent as information; both with the trace.
     */
    static String record(HttpServletRequest request, int status, String what, Throwable cause) {
        String id = HexFormat.of().formatHex(randomBytes());
        request.setAttribute(INCIDENT, id);
        Level level = status >= 500 ? Level.SEVERE : Level.INFO;
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        LOG.log(level, "Incident " + id + ": " + status + " for " + request.getMethod() + " "
                + (failed != null ? failed : request.getRequestURI())
                + (what == null ? "" : ": " + what), cause);
        return id;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
