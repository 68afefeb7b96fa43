package io.oversight.simulator.platform;

/** The intake's answer: the prediction id and what the routing policy did with it. */
public record PostedPrediction(String id, String clientKey, String routingOutcome, String status) {

    public boolean sentToPeople() {
        return "HUMAN_REVIEW".equals(routingOutcome) || "ESCALATE".equals(routingOutcome);
    }
}
