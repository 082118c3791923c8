/** JSON writing of export tables: one object with metadata and an array of row objects. */
package dev.paperdesk.engine.report.json;
