package io.oversight.app.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory settings the LDAP identity store reads through expressions (see
 * {@link SecurityConfiguration}), from server variables. With no {@code oversight.ldap.url} the
 * store is declared but never consulted.
 */
@Named("ldapSettings")
@ApplicationScoped
public class LdapSettings {

    @Inject
    @ConfigProperty(name = "oversight.ldap.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "oversight.ldap.bind.dn")
    Optional<String> bindDn;

    @Inject
    @ConfigProperty(name = "oversight.ldap.bind.password")
    Optional<String> bindPassword;

    @Inject
    @ConfigProperty(name = "oversight.ldap.caller.base.dn")
    Optional<String> callerBaseDn;

    @Inject
    @ConfigProperty(name = "oversight.ldap.caller.name.attribute", defaultValue = "uid")
    String callerNameAttribute;

    @Inject
    @ConfigProperty(name = "oversight.ldap.group.search.base")
    Optional<String> groupSearchBase;

    @Inject
    @ConfigProperty(name = "oversight.ldap.group.search.filter", defaultValue = "(objectClass=groupOfNames)")
    String groupSearchFilter;

    @Inject
    @ConfigProperty(name = "oversight.ldap.group.member.attribute", defaultValue = "member")
    String groupMemberAttribute;

    @Inject
    @ConfigProperty(name = "oversight.ldap.group.name.attribute", defaultValue = "cn")
    String groupNameAttribute;

    public boolean isEnabled() {
        return url.filter(u -> !u.isBlank()).isPresent();
    }

    public Set<ValidationType> getUseFor() {
        return isEnabled() ? EnumSet.allOf(ValidationType.class) : EnumSet.noneOf(ValidationType.class);
    }

    public String getUrl() {
        return url.orElse("");
    }

    public String getBindDn() {
        return bindDn.orElse("");
    }

    public String getBindPassword() {
        return bindPassword.orElse("");
    }

    public String getCallerBaseDn() {
        return callerBaseDn.orElse("");
    }

    public String getCallerNameAttribute() {
        return callerNameAttribute;
    }

    public String getGroupSearchBase() {
        return groupSearchBase.orElse("");
    }

    public String getGroupSearchFilter() {
        return groupSearchFilter;
    }

    public String getGroupMemberAttribute() {
        return groupMemberAttribute;
    }

    public String getGroupNameAttribute() {
        return groupNameAttribute;
    }
}
