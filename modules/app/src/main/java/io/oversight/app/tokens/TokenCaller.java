package io.oversight.app.tokens;

import java.util.Set;

/** The account a valid token speaks for, with the roles that account holds now. */
public record TokenCaller(String username, Set<String> roles) {

    public TokenCaller {
        roles = Set.copyOf(roles);
    }
}
