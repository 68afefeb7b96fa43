/**
 * The statistics behind the monitors, the alerts and the advice: plain Java, no
 * Jakarta, no database. Every function states its input contract and answers "undefined" as an empty
 * {@code Optional} rather than NaN, so a window with too little data can never show a number.
 */
package io.oversight.governance.domain.stats;
