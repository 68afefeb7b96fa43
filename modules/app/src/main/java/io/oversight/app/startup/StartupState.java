package io.oversight.app.startup;

import java.util.Optional;

/** Whether start-up finished, and if it failed, why. */
public record StartupState(Phase phase, Optional<String> failure) {

    public enum Phase { STARTING, READY, FAILED }

    static StartupState starting() {
        return new StartupState(Phase.STARTING, Optional.empty());
    }

    static StartupState ready() {
        return new StartupState(Phase.READY, Optional.empty());
    }

    static StartupState failed(String why) {
        return new StartupState(Phase.FAILED, Optional.of(why));
    }
}
