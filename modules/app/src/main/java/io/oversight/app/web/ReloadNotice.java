package io.oversight.app.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * A sentence for the page a person is sent back to after their page could not be used (it had
 * expired): left in the session by {@link FacesErrorHandling}, shown once by the layout. The Faces
 * flash cannot carry it, because the failed request never restored a view to attach it to.
 */
@Named
@RequestScoped
public class ReloadNotice {

    private static final String KEY = ReloadNotice.class.getName();

    private String text;
    private boolean taken;

    static void leave(ExternalContext external, String text) {
        if (external.getSession(false) != null) {
            external.getSessionMap().put(KEY, text);
        }
    }

    /** The notice waiting for this page, taken from the session on first use; null when there is none. */
    public String getText() {
        if (!taken) {
            taken = true;
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            if (external.getSession(false) != null) {
                text = (String) external.getSessionMap().remove(KEY);
            }
        }
        return text;
    }
}
