/** Faces beans of the auditor's ledger pages: search, entry detail with proof, online verification, bundle. */
package io.oversight.ledger.web;
