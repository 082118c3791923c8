/** The {@code paperdesk} command line (picocli): one subcommand class per noun. */
package dev.paperdesk.engine.cli;
