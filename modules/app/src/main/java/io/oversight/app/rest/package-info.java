/** The REST root ({@code /api/v1}) and the mapping of every error to RFC 9457 problem+json. */
package io.oversight.app.rest;
