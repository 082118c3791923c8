/**
 * The trade journal panel: notes and tags on the account, positions, orders and round trips, with
 * search, a tag filter, image attachments and chart snapshots.
 */
package dev.paperdesk.desktop.journal;
