/**
 * The tasks module's API: the work items. Intake turns predictions into items and tasks,
 * routing decides which a person must see, queues hold tasks under leases, and delivery gets decisions
 * back to the customer. Review works on items only through {@link io.oversight.tasks.TaskLeases},
 * {@link io.oversight.tasks.ItemOutcomes}, {@link io.oversight.tasks.QueueOverview} and
 * {@link io.oversight.tasks.UnclaimableTasks}, and answers {@link io.oversight.tasks.ReviewDemand} and
 * {@link io.oversight.tasks.ReviewerSupply} (ADR 0022, 0040). Other modules use only this package;
 * sub-packages are internal.
 */
package io.oversight.tasks;
