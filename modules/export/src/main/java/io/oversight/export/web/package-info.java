/** The Reports page (Faces): request a report, follow its progress, download its files. */
package io.oversight.export.web;
