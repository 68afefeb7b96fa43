package io.oversight.review;

import io.oversight.kernel.testing.Migrations;

/** The schema review's store tests run on. Review's tables are created by the tasks module's Flyway scripts
 * (ADR 0022's ownership map), so these are those, from the tasks jar, as the application runs them. */
public final class ReviewTestSchema {

    /** Run into a fresh schema by {@link io.oversight.kernel.testing.TestDatabase#fresh}. */
    public static final Migrations MIGRATIONS = Migrations.of("tasks").named("review");

    private ReviewTestSchema() {
    }
}
