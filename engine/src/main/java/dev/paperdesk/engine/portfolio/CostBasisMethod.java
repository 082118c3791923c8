package dev.paperdesk.engine.portfolio;

/** Which lots a closing trade consumes first. */
public enum CostBasisMethod {
    /** First in, first out. */
    FIFO,
    /** Last in, first out. */
    LIFO,
    /** One pooled lot at the average cost. */
    AVERAGE
}
