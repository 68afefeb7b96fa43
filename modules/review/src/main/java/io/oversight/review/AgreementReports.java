package io.oversight.review;

/** Inter-rater agreement over completed reviews (SPEC R7). */
public interface AgreementReports {

    AgreementReport report(AgreementQuery query);
}
