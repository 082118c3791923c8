/** CSV writing: RFC 4180 quoting, UTF-8 with an optional byte order mark, locale-independent numbers. */
package dev.paperdesk.engine.report.csv;
