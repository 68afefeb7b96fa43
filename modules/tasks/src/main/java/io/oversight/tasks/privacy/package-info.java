/**
 * The data subjects of intake (the people whose personal data a prediction's payload carried) and
 * their erasure: which workflow's retention and legal hold apply, and the refusal that says when
 * erasure becomes possible.
 */
package io.oversight.tasks.privacy;
