package io.oversight.app.security;

import io.oversight.ledger.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The default identity store: users and their roles in the application database, passwords as
 * PBKDF2 hashes. LDAP or OpenID Connect replace it through server configuration (see the operator
 * guide); the roles stay the same.
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/oversight",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE",
        groupsQuery = "SELECT role_name FROM app_user_role WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
            PasswordHashing.ALGORITHM,
            PasswordHashing.ITERATIONS,
            PasswordHashing.SALT_SIZE,
            PasswordHashing.KEY_SIZE
        })
@DeclareRoles({
    Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR,
    Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN
})
@ApplicationScoped
public class SecurityConfiguration {
}
