/**
 * The tasks module's pages: the queue dashboard, a workflow's intake settings with its webhook
 * deliveries, and the erasure of a data subject's personal data.
 */
package io.oversight.tasks.web;
