/** Accounts of the default database identity store: users, their roles, the first administrator and demo users. */
package io.oversight.app.users;
