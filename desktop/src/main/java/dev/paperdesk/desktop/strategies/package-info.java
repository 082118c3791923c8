/**
 * The strategies view ({@code #strategiesView}): the strategies running on the live market with
 * status and P&amp;L, start, pause, resume and stop; a YAML editor with live validation markers; clone
 * a template.
 */
package dev.paperdesk.desktop.strategies;
