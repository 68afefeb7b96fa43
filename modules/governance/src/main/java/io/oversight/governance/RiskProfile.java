package io.oversight.governance;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * How much oversight a workflow needs, framed the way the seed articles do: what a wrong decision
 * costs, how many decisions there are, and how accurate they must be.
 */
public record RiskProfile(RiskLevel consequence, RiskLevel volume, RiskLevel accuracy) {

    public RiskProfile {
        Objects.requireNonNull(consequence, "consequence");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(accuracy, "accuracy");
    }

    /** The highest of the three: a workflow is as risky as its riskiest dimension. */
    public RiskLevel overall() {
        return Stream.of(consequence, volume, accuracy).max(Enum::compareTo).orElseThrow();
    }
}
