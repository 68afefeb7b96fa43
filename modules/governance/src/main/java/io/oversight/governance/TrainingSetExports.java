package io.oversight.governance;

/**
 * What governance asks of the module that makes training-set exports (export implements it, so
 * governance does not depend on export): whether an export id names a completed export. Model
 * registration refuses a snapshot that names an export nobody made.
 */
public interface TrainingSetExports {

    /** Whether {@code exportId} is a completed training-set export. */
    boolean exists(String exportId);
}
