package dev.paperdesk.engine.pricing.chain;

/** Whether an expiry is a weekly or a standard monthly listing. */
public enum ExpiryKind {
    WEEKLY,
    MONTHLY
}
