/**
 * Submissions in forms people read outside Formhaus: CSV for spreadsheets ({@link SubmissionCsv}, with
 * {@link CsvCells} keeping formulas out) and labelled values ({@link LabelledValues}) for pages and exports.
 */
package org.formhaus.export;
