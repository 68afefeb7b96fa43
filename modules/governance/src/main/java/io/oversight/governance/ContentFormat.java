package io.oversight.governance;

/** Source format of guideline instructions; both are rendered through the same HTML sanitizer. */
public enum ContentFormat { MARKDOWN, HTML }
