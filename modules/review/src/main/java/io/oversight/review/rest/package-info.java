/** The review module's REST resources: claims and decisions, adjudications, gold, qualifications, review settings, agreement. */
package io.oversight.review.rest;
