/**
 * Sign-in throttling (ADR 0033): failed sign-ins, counted in the database so that every server of a
 * cluster sees them, slow down and then lock further attempts for an account from one client address,
 * and, with a looser limit, for the address as a whole.
 */
package io.oversight.app.signin;
