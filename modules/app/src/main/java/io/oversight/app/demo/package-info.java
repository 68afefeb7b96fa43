/**
 * Demo mode's model service: a client of the platform's own REST API, running inside the application
 * only in demo mode, that posts realistic predictions to the demo workflows so reviewers find work.
 */
package io.oversight.app.demo;
