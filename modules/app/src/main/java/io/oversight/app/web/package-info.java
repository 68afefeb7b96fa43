/** Faces beans of the shared shell: sign-in, sign-out, navigation by role, landing pages, account list. */
package io.oversight.app.web;
