/**
 * Governance's REST resources under /api/v1: workflows and their taxonomies, guideline versions,
 * routing policies and their activation, model snapshots and promotions, reviewer views, monitors,
 * alerts and the autonomy advice. Each method declares who may call it; the bodies and examples are
 * in {@code Views}, {@code MonitoringViews} and the example classes.
 */
package io.oversight.governance.rest;
