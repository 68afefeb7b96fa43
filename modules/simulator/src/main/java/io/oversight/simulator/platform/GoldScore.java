package io.oversight.simulator.platform;

/** One reviewer's gold accuracy as the platform measures it. */
public record GoldScore(String reviewer, int answers, int correct, double accuracy, boolean paused) {
}
