/**
 * The tasks module's REST resources under /api/v1: predictions (one or a batch), queues and their
 * stuck tasks, intake settings, webhook deliveries and data subjects' erasure. Each method declares
 * who may call it; the bodies and examples are in {@code TaskViews} and {@code TasksExamples}.
 */
package io.oversight.tasks.rest;
