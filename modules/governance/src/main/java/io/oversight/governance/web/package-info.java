/**
 * Governance's pages: the workflow list and editor, the guideline and policy editors, the model
 * registry, the reviewer-view editor, the monitors dashboard with its charts, the alerts list and
 * the autonomy advice.
 */
package io.oversight.governance.web;
