/** MicroProfile Health checks: readiness needs the database and a finished start-up. */
package io.oversight.app.health;
