/**
 * The review module's pages: the workbench (with its notices and reveal control), the item browser
 * (with an item's history read from the ledger), the adjudication, agreement, gold, qualifications
 * and review-settings pages, and "Your queues".
 */
package io.oversight.review.web;
