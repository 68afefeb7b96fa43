/**
 * Plain-Java rules of the tasks module: uncertainty scores, near-duplicate detection, audit sampling,
 * webhook signatures and retry backoff, PII tokenization and canonical JSON. No container, no
 * persistence; only the JDK and the JSON-P API.
 */
package io.oversight.tasks.domain;
