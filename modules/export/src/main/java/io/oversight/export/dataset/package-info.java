/**
 * Training sets as files: rows written one at a time (JSONL, CSV, preference pairs) with their
 * digests and counts, and the manifest that names them. Plain Java over the tasks and governance
 * APIs' records, tested without a server.
 */
package io.oversight.export.dataset;
