package io.oversight.governance;

/** Life cycle of a guideline version: draft, pilot, active, retired. */
public enum GuidelineStatus { DRAFT, PILOT, ACTIVE, RETIRED }
