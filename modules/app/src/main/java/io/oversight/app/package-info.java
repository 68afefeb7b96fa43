/**
 * The Oversight web application: assembles the modules into one WAR and owns what is shared by all
 * of them: security, the identity store, the page layout, the REST root with its problem+json
 * errors, database migrations and health checks. It holds no business logic of the modules.
 */
package io.oversight.app;
