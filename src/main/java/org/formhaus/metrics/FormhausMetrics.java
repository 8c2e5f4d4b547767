package org.formhaus.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.formhaus.delivery.DeliveryOutcomes;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.onoffice.RequestObserver;
import org.formhaus.web.SubmissionCounter;

/**
 * This instance's meters, and their Prometheus text ({@link #scrape()}). It is the {@link SubmissionCounter} of the
 * form servlet, the {@link DeliveryOutcomes} of the delivery worker and the {@link RequestObserver} of the onOffice
 * connector; the pool and the outbox are {@linkplain #registry() registered} by their owners. The names, as
 * Prometheus shows them:
 * <ul>
 *   <li>{@code formhaus_submissions_total{form, outcome="accepted|refused|spam"}}</li>
 *   <li>{@code formhaus_deliveries_total{outcome="delivered|retry|failed"}}</li>
 *   <li>{@code formhaus_delivery_queue_depth}, {@code formhaus_delivery_oldest_job_age_seconds} ({@link OutboxGauges})</li>
 *   <li>{@code formhaus_onoffice_requests_seconds{outcome="ok|error"}} (histogram),
 *       {@code formhaus_onoffice_errors_total{reason}}</li>
 *   <li>{@code hikaricp_connections_*{pool="formhaus"}}, {@code jvm_*}, {@code process_*}, {@code system_*}</li>
 * </ul>
 * One per application; thread-safe; {@link #close()} at shutdown.
 */
public final class FormhausMetrics implements SubmissionCounter, DeliveryOutcomes, RequestObserver, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public FormhausMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** Where the pool (HikariCP's Micrometer tracker) and the outbox gauges register their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The outbox's depth and oldest job, read from the database at each scrape (at most once a second). */
    public void watch(OutboxGauges.Source outbox) {
        OutboxGauges gauges = new OutboxGauges(outbox, Duration.ofSeconds(1));
        Gauge.builder("formhaus.delivery.queue.depth", gauges, OutboxGauges::depth)
                .description("Submissions waiting for delivery (all instances: read from the database)")
                .strongReference(true)
                .register(registry);
        Gauge.builder("formhaus.delivery.oldest.job.age", gauges, OutboxGauges::oldestAgeSeconds)
                .description("Age of the oldest submission waiting for delivery; 0 when none waits")
                .strongReference(true)
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void count(String formKey, SubmissionCounter.Outcome outcome) {
        Counter.builder("formhaus.submissions")
                .description("Submissions answered by this instance, by form and outcome")
                .tag("form", formKey)
                .tag("outcome", outcome.label())
                .register(registry)
                .increment();
    }

    @Override
    public void recorded(String submissionId, DeliveryOutcomes.Outcome outcome) {
        Counter.builder("formhaus.deliveries")
                .description("Delivery tries recorded by this instance, by outcome")
                .tag("outcome", outcome.label())
                .register(registry)
                .increment();
    }

    @Override
    public void finished(Duration took, OnOfficeException.Reason error) {
        if (took != null) {
            Timer.builder("formhaus.onoffice.requests")
                    .description("onOffice API requests sent by this instance")
                    .tag("outcome", error == null ? "ok" : "error")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5))
                    .maximumExpectedValue(Duration.ofSeconds(60))
                    .register(registry)
                    .record(took);
        }
        if (error != null) {
            Counter.builder("formhaus.onoffice.errors")
                    .description("Failed onOffice API requests, by reason")
                    .tag("reason", error.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry)
                    .increment();
        }
    }

    /** Every meter in Prometheus's text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
