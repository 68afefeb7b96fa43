/**
 * The databases every module's store tests run on, shipped in the kernel's test-jar: a fresh H2 or
 * PostgreSQL schema per test, migrated by a module's own Flyway scripts, and the local (or embedded)
 * PostgreSQL behind it.
 */
package io.oversight.kernel.testing;
