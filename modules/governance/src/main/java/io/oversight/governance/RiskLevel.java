package io.oversight.governance;

/** Level of one risk dimension, in increasing order. */
public enum RiskLevel { LOW, MEDIUM, HIGH }
