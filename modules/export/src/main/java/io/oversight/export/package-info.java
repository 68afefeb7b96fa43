/**
 * Export module API: compliance reports as XML and PDF, ledger bundles and training-set exports,
 * run as jobs. Other modules use only this package; sub-packages are internal.
 */
package io.oversight.export;
