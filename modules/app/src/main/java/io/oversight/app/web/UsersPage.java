package io.oversight.app.web;

import io.oversight.app.users.NewUser;
import io.oversight.app.users.UserAccount;
import io.oversight.app.users.UserDirectory;
import io.oversight.app.users.UsernameTakenException;
import io.oversight.kernel.InvalidInputException;
import io.oversight.kernel.PageMessages;
import io.oversight.kernel.Violations;
import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The administrator's page for accounts: every account with its roles, and a form that creates one.
 * The form is held to the rules {@code POST /api/v1/users} applies (the constraints of {@link NewUser},
 * a username nobody holds) and creates the account through the same {@link UserDirectory}, so the
 * ledger records it the same way.
 */
@Named
@RequestScoped
public class UsersPage {

    @Inject
    UserDirectory directory;

    @Inject
    Validator validator;

    @Inject
    SecurityContext securityContext;

    private String username;
    private String displayName;
    private String password;
    private List<String> roles = new ArrayList<>();
    private List<UserAccount> accounts;

    public List<UserAccount> getAccounts() {
        if (accounts == null) {
            accounts = directory.list();
        }
        return accounts;
    }

    /** Every role an account can hold, in the order the roles are documented. */
    public List<String> getRoleChoices() {
        return Roles.ALL;
    }

    public void create() {
        NewUser request = new NewUser(username == null ? "" : username, password == null ? "" : password,
                displayName, roles == null ? List.of() : List.copyOf(roles));
        boolean created = PageMessages.attempt(() -> {
            checkAgainstTheApisRules(request);
            Actor admin = new Actor(directory.actorPseudonym(securityContext.getCallerPrincipal().getName()), Roles.ADMIN);
            try {
                directory.create(request, admin);
            } catch (UsernameTakenException taken) {
                throw InvalidInputException.sentence("username", "An account named '" + request.username()
                        + "' already exists; choose another username.");
            }
        }, "Account " + request.username() + " created with the roles " + String.join(", ", request.roles()) + ".");
        if (created) {
            username = null;
            displayName = null;
            roles = new ArrayList<>();
            accounts = null;
        }
        password = null;
    }

    /** The Bean Validation constraints the REST resource applies to the same request, one message per field. */
    private void checkAgainstTheApisRules(NewUser request) {
        Set<ConstraintViolation<NewUser>> violations = validator.validate(request);
        Violations v = new Violations();
        violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<NewUser> c) -> c.getPropertyPath().toString()))
                .forEach(c -> v.add(c.getPropertyPath().iterator().next().getName(), messageFor(c)));
        v.throwIfAny("The account");
    }

    private static String messageFor(ConstraintViolation<NewUser> violation) {
        String field = violation.getPropertyPath().iterator().next().getName();
        if ("roles".equals(field) && violation.getInvalidValue() instanceof List<?> list && list.isEmpty()) {
            return "choose at least one role";
        }
        return violation.getMessage();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
