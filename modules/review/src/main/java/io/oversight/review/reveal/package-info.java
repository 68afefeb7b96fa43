/**
 * Personal data revealed to reviewers: to the holder of a task, when their qualification allows it,
 * with a justification recorded in the ledger; everywhere else the data stays masked.
 */
package io.oversight.review.reveal;
