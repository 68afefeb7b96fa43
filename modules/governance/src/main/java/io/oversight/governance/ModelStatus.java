package io.oversight.governance;

/**
 * Life cycle of a model snapshot: registered in shadow, promoted to canary and active, rolled back or
 * retired. A rolled-back snapshot becomes active again only through a new promotion via canary.
 */
public enum ModelStatus { SHADOW, CANARY, ACTIVE, ROLLED_BACK, RETIRED }
