package io.oversight.simulator.platform;

/** The platform refused a claim because the reviewer is paused (gold accuracy under the threshold). */
public class ReviewerPausedException extends RuntimeException {

    ReviewerPausedException(String login, String detail) {
        super(login + " is paused: " + detail);
    }
}
