/**
 * Rating tables out of Atelier: a completed model's relativities (built by the engine's rating-table builder) with
 * the model's metadata, written as a ZIP of per-factor CSV files, an XLSX workbook, or the stacked single CSV a
 * rating engine loads.
 */
package org.atelier.tables;
