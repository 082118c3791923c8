/**
 * Technical indicators in two forms with identical results: streaming instances fed one bar at a
 * time (O(1) per bar, primitive doubles, no allocation per update) and batch functions over
 * {@code double[]} arrays (NaN until a value is defined). Conventions follow TA-Lib; see
 * {@code docs/indicators.md}.
 */
package dev.paperdesk.engine.indicator;
