/**
 * Operational metrics in Prometheus's text format ({@code GET /metrics}) through Micrometer: submissions by form and
 * outcome, delivery outcomes, the outbox's depth and oldest job (read from the database, so the same on every
 * instance), onOffice request latency and errors, HikariCP's pool and the JVM. Counters belong to the instance that
 * counted them; Prometheus adds the instances up.
 */
package org.formhaus.metrics;
