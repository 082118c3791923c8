package dev.paperdesk.engine.store;

import java.nio.file.Path;

/** Counts describing a workspace, as printed by {@code paperdesk workspace info}. */
public record WorkspaceSummary(
        Path path, int schemaVersion, long portfolios, long orders, long fills, long orderEvents, long ledgerEntries) {}
