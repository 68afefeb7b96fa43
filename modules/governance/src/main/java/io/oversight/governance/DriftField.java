package io.oversight.governance;

/**
 * A payload field a workflow watches for input drift, by its dotted path (as personal-data fields are
 * declared). A declared personal-data field can never be one.
 */
public record DriftField(String path, Kind kind) {

    public enum Kind {
        /** Numbers: PSI over the reference's deciles and the two-sample KS test. */
        NUMERIC,
        /** Categories (strings, booleans, or numbers taken as codes): PSI and the chi-square test. */
        CATEGORICAL
    }
}
