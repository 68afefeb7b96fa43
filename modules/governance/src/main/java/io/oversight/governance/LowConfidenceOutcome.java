package io.oversight.governance;

/** What happens to a prediction at or below the lower confidence bound. */
public enum LowConfidenceOutcome { AUTO_REJECT, ESCALATE }
