/** The review module's pages: the workbench, the adjudication and agreement pages, and "Your queues". */
package io.oversight.review.web;
