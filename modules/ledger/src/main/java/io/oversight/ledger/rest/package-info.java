/**
 * The auditor's REST API over the ledger, under {@code /api/v1/ledger}: resources
 * parse and validate their inputs, call the module API and map its records to JSON views. Every
 * method declares its roles; errors are {@code WebApplicationException}s the application renders as
 * problem+json.
 */
package io.oversight.ledger.rest;
