package io.oversight.app.security;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/** The identity a form login established, kept in the HTTP session (replicable, hence Serializable). */
record SignedInCaller(String name, Set<String> groups) implements Serializable {

    SignedInCaller {
        Objects.requireNonNull(name, "name");
        groups = Set.copyOf(groups);
    }
}
