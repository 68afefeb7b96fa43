package io.oversight.tasks;

/** Life cycle of a task: open in its queue, claimed under a lease, then completed or escalated away. */
public enum TaskStatus { OPEN, CLAIMED, COMPLETED, ESCALATED }
