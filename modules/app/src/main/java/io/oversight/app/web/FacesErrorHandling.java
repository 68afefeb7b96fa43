package io.oversight.app.web;

import io.oversight.kernel.RefusalException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * What a failed Faces request shows instead of a stack trace.
 * <ul>
 * <li>An expired view (the session ended, or the server no longer holds the page's state) reloads the
 * page with a message saying so, also for an Ajax request: on the workbench a key press after expiry
 * then reloads the page instead of silently doing nothing.</li>
 * <li>A postback whose view state the server cannot even read was not made by one of its pages:
 * {@code 400}.</li>
 * <li>A refusal ({@link RefusalException}, such as an unknown workflow in a page's address) answers
 * with its own status and message; anything else is a {@code 500}.</li>
 * </ul>
 * Either way the error page ({@link ErrorPageServlet}) shows an incident id that the log records with
 * the trace. An Ajax request cannot show a page, so it reloads its page with the message instead.
 */
public class FacesErrorHandling extends ExceptionHandlerFactory {

    public FacesErrorHandling(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            if (!events.hasNext()) {
                getWrapped().handle();
                return;
            }
            ExceptionQueuedEventContext first = events.next().getContext();
            // one page per request: the first failure decides it, later ones are its consequences
            events.remove();
            while (events.hasNext()) {
                events.next();
                events.remove();
            }
            try {
                handle(FacesContext.getCurrentInstance(), first.getException(), first.getPhaseId());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void handle(FacesContext faces, Throwable thrown, PhaseId phase) throws IOException {
            ExternalContext external = faces.getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            boolean postback = external.getRequestParameterMap().containsKey(ResponseStateManager.VIEW_STATE_PARAM);
            // from the header: the partial view context needs the view, which may be what failed
            boolean ajax = "partial/ajax".equals(external.getRequestHeaderMap().get("Faces-Request"));

            if (find(thrown, ViewExpiredException.class).isPresent()) {
                reloadWith(faces, "This page had expired (it was open a long time, or the server restarted), "
                        + "so it was loaded again. Please repeat what you did.", ajax);
                return;
            }
            int status;
            String message = null;
            Optional<RefusalException> refusal = find(thrown, RefusalException.class);
            if (phase == PhaseId.RESTORE_VIEW && postback) {
                status = 400;
                message = "The form sent was not one this server gave out. Open the page again from the menu.";
            } else if (refusal.isPresent()) {
                status = refusal.get().status();
                message = refusal.get().getMessage();
            } else {
                status = 500;
            }
            String incident = Incidents.record(request, status, message, thrown);
            if (ajax) {
                reloadWith(faces, (message == null ? "The server failed to answer." : message)
                        + " (incident " + incident + ")", true);
                return;
            }
            faces.responseComplete();
            if (external.isResponseCommitted()) {
                // too late for another page; the incident is logged and the page ends where it failed
                return;
            }
            external.responseReset();
            request.setAttribute(Incidents.MESSAGE, message);
            external.responseSendError(status, null);
        }

        /**
         * Sends the browser back to the page it came from, with a notice for that page. An Ajax request
         * is answered with a partial response that redirects: Faces' own redirect needs the view that
         * could not be restored.
         */
        private static void reloadWith(FacesContext faces, String notice, boolean ajax) throws IOException {
            ExternalContext external = faces.getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            faces.responseComplete();
            if (external.isResponseCommitted()) {
                return;
            }
            ReloadNotice.leave(external, notice);
            String query = request.getQueryString();
            String page = request.getRequestURI() + (query == null ? "" : "?" + query);
            external.responseReset();
            if (!ajax) {
                external.redirect(page);
                return;
            }
            external.setResponseContentType("text/xml");
            external.setResponseCharacterEncoding("UTF-8");
            external.getResponseOutputWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                    + "<redirect url=\"" + ErrorPageServlet.escape(page) + "\"></redirect></partial-response>");
        }

        private static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (type.isInstance(t)) {
                    return Optional.of(type.cast(t));
                }
            }
            return Optional.empty();
        }
    }
}
