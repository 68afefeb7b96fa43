package io.oversight.governance;

/** Which nodes of a hierarchical taxonomy may be chosen as a label. */
public enum LabelSelection {
    /** Only labels without children. */
    LEAF_ONLY,
    /** Any label, inner nodes included. */
    ANY_NODE
}
