package io.oversight.app.users;

import io.oversight.ledger.Actor;
import io.oversight.ledger.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accounts that must exist before anyone can sign in: the first administrator of a new database
 * (when the operator set its password), and in demo mode one user per role with published
 * passwords. Demo mode is off by default for PostgreSQL (see db-postgres.xml).
 */
@ApplicationScoped
public class AccountSeeding {

    /** Demo password of every demo user; printed in the console and the README, so demo only. */
    public static final String DEMO_PASSWORD = "oversight-demo";
    /** The demo account of role integration, which the demo model posts predictions as. */
    public static final String DEMO_INTEGRATION_USER = "ian";
    /** The demo governance lead. */
    public static final String DEMO_GOVERNANCE_USER = "greta";

    private static final Actor SEEDING = Actor.system("account-seeding");

    private static final Logger LOG = Logger.getLogger(AccountSeeding.class.getName());

    private static final List<NewUser> DEMO_USERS = List.of(
            demo("anna", "Anna Annotator", Roles.ANNOTATOR),
            demo("rita", "Rita Reviewer", Roles.REVIEWER, Roles.ANNOTATOR),
            demo("ed", "Ed Expert", Roles.EXPERT, Roles.REVIEWER),
            demo("ada", "Ada Adjudicator", Roles.ADJUDICATOR, Roles.EXPERT),
            demo(DEMO_GOVERNANCE_USER, "Greta Governance", Roles.GOVERNANCE),
            demo("aud", "Audrey Auditor", Roles.AUDITOR),
            demo("alex", "Alex Admin", Roles.ADMIN),
            demo(DEMO_INTEGRATION_USER, "Ian Integration (a model service)", Roles.INTEGRATION));

    @Inject
    UserDirectory directory;

    @Inject
    @ConfigProperty(name = "oversight.demo", defaultValue = "false")
    boolean demoMode;

    @Inject
    @ConfigProperty(name = "oversight.bootstrap.admin.user", defaultValue = "admin")
    String bootstrapAdminUser;

    @Inject
    @ConfigProperty(name = "oversight.bootstrap.admin.password")
    Optional<String> bootstrapAdminPassword;

    public void seed() {
        Optional<String> adminPassword = bootstrapAdminPassword.filter(password -> !password.isBlank());
        if (adminPassword.isPresent() && directory.find(bootstrapAdminUser).isEmpty()
                && (directory.count() == 0 || demoMode)) {
            directory.create(new NewUser(bootstrapAdminUser, adminPassword.get(), "Administrator", List.of(Roles.ADMIN)),
                    SEEDING);
            LOG.info(() -> "Created the first administrator account '" + bootstrapAdminUser + "'.");
        }
        if (demoMode) {
            StringBuilder logins = new StringBuilder("Demo mode: sign in with password '" + DEMO_PASSWORD + "' as");
            for (NewUser user : DEMO_USERS) {
                if (directory.find(user.username()).isEmpty()) {
                    directory.create(user, SEEDING);
                }
                logins.append(' ').append(user.username()).append(" (").append(String.join(", ", user.roles())).append(')');
            }
            LOG.info(logins::toString);
        }
    }

    public boolean demoMode() {
        return demoMode;
    }

    private static NewUser demo(String username, String displayName, String... roles) {
        return new NewUser(username, DEMO_PASSWORD, displayName, List.of(roles));
    }
}
