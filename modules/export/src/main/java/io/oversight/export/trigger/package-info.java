/** Retrain rules' evaluation: plain Java over what the round measured, so tests run it without a server. */
package io.oversight.export.trigger;
