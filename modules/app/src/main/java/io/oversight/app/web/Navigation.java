package io.oversight.app.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;

/** The signed-in person's menu: one workspace per role they hold, nothing for the others. */
@Named
@RequestScoped
public class Navigation {

    private List<Workspace> workspaces;

    public List<Workspace> getWorkspaces() {
        if (workspaces == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            workspaces = Workspace.ALL.stream().filter(w -> external.isUserInRole(w.role())).toList();
        }
        return workspaces;
    }

    public String getCallerName() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.getUserPrincipal() == null ? "" : external.getUserPrincipal().getName();
    }

    public Workspace workspace(String role) {
        return Workspace.of(role);
    }
}
