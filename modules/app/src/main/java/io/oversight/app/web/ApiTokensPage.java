package io.oversight.app.web;

import io.oversight.app.tokens.ApiTokenView;
import io.oversight.app.tokens.ApiTokens;
import io.oversight.app.tokens.CreatedApiToken;
import io.oversight.app.tokens.NewApiToken;
import io.oversight.app.users.UserAccount;
import io.oversight.app.users.UserDirectory;
import io.oversight.kernel.RefusalException;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The API tokens section of the administrator's page: create a token for an integration account
 * (its secret shown in this one answer only), see every account's tokens, revoke one.
 */
@Named
@RequestScoped
public class ApiTokensPage {

    @Inject
    ApiTokens tokens;

    @Inject
    UserDirectory directory;

    @Inject
    SecurityContext securityContext;

    private String account;
    private String name;
    private LocalDate expiresOn;
    private CreatedApiToken created;
    private List<ApiTokenView> all;

    /** Accounts that may hold tokens: those with the integration role. */
    public List<String> getIntegrationAccounts() {
        return directory.list().stream().filter(a -> a.roles().contains(Roles.INTEGRATION))
                .map(UserAccount::username).toList();
    }

    public List<ApiTokenView> getTokens() {
        if (all == null) {
            all = tokens.listAll();
        }
        return all;
    }

    /** The token created by this request, whose secret is on the page this once. */
    public CreatedApiToken getCreated() {
        return created;
    }

    public void create() {
        if (!securityContext.isCallerInRole(Roles.ADMIN)) {
            error(null, "Only administrators manage API tokens.");
            return;
        }
        try {
            created = tokens.create(account, new NewApiToken(name,
                    expiresOn == null ? null : expiresOn.atStartOfDay(ZoneOffset.UTC).toInstant()), admin());
            all = null;
            name = null;
            expiresOn = null;
        } catch (RefusalException refused) {
            error(refused.getMessage().startsWith("expiresAt") ? "tokens:expiresOn" : null,
                    refused.getMessage().startsWith("expiresAt") ? "Expires on: the date must be after today (UTC)."
                            : refused.getMessage());
        }
    }

    public void revoke(ApiTokenView token) {
        if (!securityContext.isCallerInRole(Roles.ADMIN)) {
            error(null, "Only administrators manage API tokens.");
            return;
        }
        try {
            tokens.revoke(token.username(), token.id(), admin());
            all = null;
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Token '" + token.name() + "' of " + token.username() + " is revoked; calls with it are refused.", null));
        } catch (RefusalException refused) {
            error(null, refused.getMessage());
        }
    }

    private Actor admin() {
        return new Actor(directory.actorPseudonym(securityContext.getCallerPrincipal().getName()), Roles.ADMIN);
    }

    private static void error(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }
}
