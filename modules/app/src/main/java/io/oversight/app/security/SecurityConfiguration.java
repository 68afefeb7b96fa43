package io.oversight.app.security;

import io.oversight.ledger.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.LdapIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Identity stores. The default is the application database: users and their roles, passwords as
 * PBKDF2 hashes. A directory joins it when the server sets {@code oversight.ldap.url} (see
 * {@link LdapSettings} and the operator guide): the database is asked first, then the directory,
 * and directory group names are role names.
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/oversight",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE",
        groupsQuery = "SELECT role_name FROM app_user_role WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        priority = 70,
        hashAlgorithmParameters = {
            PasswordHashing.ALGORITHM,
            PasswordHashing.ITERATIONS,
            PasswordHashing.SALT_SIZE,
            PasswordHashing.KEY_SIZE
        })
@LdapIdentityStoreDefinition(
        url = "#{ldapSettings.url}",
        bindDn = "#{ldapSettings.bindDn}",
        bindDnPassword = "#{ldapSettings.bindPassword}",
        callerBaseDn = "#{ldapSettings.callerBaseDn}",
        callerNameAttribute = "#{ldapSettings.callerNameAttribute}",
        groupSearchBase = "#{ldapSettings.groupSearchBase}",
        groupSearchFilter = "#{ldapSettings.groupSearchFilter}",
        groupMemberAttribute = "#{ldapSettings.groupMemberAttribute}",
        groupNameAttribute = "#{ldapSettings.groupNameAttribute}",
        priority = 80,
        useForExpression = "#{ldapSettings.useFor}")
@DeclareRoles({
    Roles.ANNOTATOR, Roles.REVIEWER, Roles.EXPERT, Roles.ADJUDICATOR,
    Roles.GOVERNANCE, Roles.AUDITOR, Roles.ADMIN
})
@ApplicationScoped
public class SecurityConfiguration {
}
