/** REST API of the export module: {@code /api/v1/reports}, refusals as problem+json. */
package io.oversight.export.rest;
