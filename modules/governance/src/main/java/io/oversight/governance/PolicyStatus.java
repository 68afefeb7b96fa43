package io.oversight.governance;

/** Life cycle of a routing-policy version: editable draft, then the one active version, then retired. */
public enum PolicyStatus { DRAFT, ACTIVE, RETIRED }
