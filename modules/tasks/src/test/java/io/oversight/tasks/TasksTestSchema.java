package io.oversight.tasks;

import io.oversight.kernel.testing.Migrations;

/** The schema the tasks stores are tested on, migrated by the module's own Flyway scripts. */
public final class TasksTestSchema {

    /** Run into a fresh schema by {@link io.oversight.kernel.testing.TestDatabase#fresh}. */
    public static final Migrations MIGRATIONS = Migrations.of("tasks");

    private TasksTestSchema() {
    }
}
