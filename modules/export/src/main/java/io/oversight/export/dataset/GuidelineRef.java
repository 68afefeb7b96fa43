package io.oversight.export.dataset;

/** The guideline version a row's labels were made under, with its content digest (hex SHA-256). */
public record GuidelineRef(String id, int number, String contentDigest) {
}
