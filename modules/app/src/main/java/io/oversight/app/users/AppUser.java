package io.oversight.app.users;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account of the database identity store. The container reads the same two tables through the
 * queries in {@code SecurityConfiguration}; this entity is how the application writes them.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role_name", length = 32)
    private Set<String> roles = new TreeSet<>();

    @Version
    private long version;

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, String displayName, Set<String> roles, Instant createdAt) {
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.displayName = displayName;
        this.roles = new TreeSet<>(roles);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.enabled = true;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName == null ? username : displayName;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Set<String> roles() {
        return Collections.unmodifiableSet(roles);
    }
}
