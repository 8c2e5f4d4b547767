/**
 * Form statistics: what is counted per form and day (views, starts, steps reached, submissions, spam by reason, by
 * source), read back as a report over 7, 30 or 90 days and drawn as server-rendered SVG charts. The counters
 * themselves live in {@link org.formhaus.storage.FormDayCounters}.
 */
package org.formhaus.statistics;
