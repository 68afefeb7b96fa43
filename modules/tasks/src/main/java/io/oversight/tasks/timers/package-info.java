/**
 * The module's timers on the managed scheduled executor: lease reaper, SLA monitor, webhook dispatch,
 * inline-wait polling.
 */
package io.oversight.tasks.timers;
