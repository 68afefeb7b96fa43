/**
 * Predictions in: parsing and validating a request against its workflow and model snapshot, tokenising
 * declared personal-data fields into the vault, idempotent replays, the item and its first tasks written
 * with the routing record in one transaction; and customers' feedback on decided items. Its stores are
 * injectable beans on the caller's connection: item rows, client keys, the catalogue's search, feedback.
 */
package io.oversight.tasks.intake;
