package io.oversight.app.users;

import java.time.Instant;
import java.util.List;

/** What the API and pages show of an account: never the password hash. */
public record UserAccount(String username, String displayName, List<String> roles, boolean enabled, Instant createdAt) {

    static UserAccount of(AppUser user) {
        return new UserAccount(user.username(), user.displayName(), List.copyOf(user.roles()), user.enabled(),
                user.createdAt());
    }
}
