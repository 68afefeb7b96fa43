package io.oversight.export;

/**
 * How a training set is written. A pairwise-preference workflow is always written as JSONL of
 * {@code prompt}, {@code chosen}, {@code rejected} (the shape DPO-style trainers read), with its ties
 * and both-bad answers in a second file.
 */
public enum DatasetFormat {
    JSONL("application/jsonl", "jsonl"),
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    DatasetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
