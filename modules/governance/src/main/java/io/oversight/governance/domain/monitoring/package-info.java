/**
 * Monitoring's domain: the monitors' names and how a window's aggregates become their values, alert
 * rules and their hysteresis. Plain Java; storage lives in {@code infrastructure}.
 */
package io.oversight.governance.domain.monitoring;
