package io.oversight.review;

/** Inter-rater agreement over completed reviews. */
public interface AgreementReports {

    AgreementReport report(AgreementQuery query);
}
