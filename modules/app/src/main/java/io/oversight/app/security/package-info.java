/** Authentication (form login for pages, HTTP Basic for the REST API) and the database identity store. */
package io.oversight.app.security;
