/**
 * A small PDF layout toolkit on PDFBox and the reports built with it: page template (header, footer
 * with "Page N of M" and the generation time), paginated tables with right-aligned numbers and P&amp;L
 * colours, and vector charts drawn with PDF paths (line and area, bars, heatmap, histogram with
 * percentile markers, percentile fan). Fonts (DejaVu) are embedded from the classpath so any Unicode
 * symbol renders.
 */
package dev.paperdesk.engine.report.pdf;
