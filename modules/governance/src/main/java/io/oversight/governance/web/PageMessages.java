package io.oversight.governance.web;

import io.oversight.kernel.FieldError;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.RefusalException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;

/** Runs a page action and turns a refused request into messages on the page (SPEC S2: a message, nothing changed). */
final class PageMessages {

    private PageMessages() {
    }

    /** Runs {@code action}; on a governance refusal shows its message and every invalid field, returns false. */
    static boolean attempt(Runnable action, String success) {
        return attemptGet(() -> {
            action.run();
            return Boolean.TRUE;
        }, success) != null;
    }

    static <T> T attemptGet(Supplier<T> action, String success) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            T result = action.get();
            if (success != null) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, success, null));
            }
            return result;
        } catch (RefusalException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            if (e instanceof InvalidInputException invalid && invalid.errors().size() > 1) {
                for (FieldError error : invalid.errors()) {
                    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                            error.field() + ": " + error.message(), null));
                }
            }
            faces.validationFailed();
            return null;
        }
    }

    /** A request parameter of the page's first request, or null. */
    static String parameter(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        return value == null || value.isBlank() ? null : value;
    }

    static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }
}
