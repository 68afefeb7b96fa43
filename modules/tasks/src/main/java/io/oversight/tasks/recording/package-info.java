/**
 * What tasks records: its ledger entries, each in the transaction of its change, and the observations
 * governance's monitors fold into windows.
 */
package io.oversight.tasks.recording;
