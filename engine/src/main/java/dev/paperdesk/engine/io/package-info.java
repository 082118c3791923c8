/** File output shared by exports, reports and the command line: atomic writes with clear errors. */
package dev.paperdesk.engine.io;
