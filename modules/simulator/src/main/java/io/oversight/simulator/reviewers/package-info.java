/**
 * Simulated reviewers with known accuracy and their panel, answering the tasks they claim.
 */
package io.oversight.simulator.reviewers;
