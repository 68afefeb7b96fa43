/**
 * Per-workflow intake settings (ordering method, diversity, lease length, inline timeout, webhook,
 * audit and feedback tiers, conflict-of-interest fields), stored by SettingsStore, and the server-wide
 * limits of the module.
 */
package io.oversight.tasks.settings;
