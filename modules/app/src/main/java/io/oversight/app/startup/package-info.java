/** What happens once when the application starts: schema migrations, the first administrator, demo users. */
package io.oversight.app.startup;
