/**
 * Review module API: reviewer decisions, blind multi-review, adjudication, gold items and
 * agreement metrics (SPEC R1-R8). Other modules use only this package; sub-packages are internal.
 */
package io.oversight.review;
