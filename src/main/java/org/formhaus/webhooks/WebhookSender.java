package org.formhaus.webhooks;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.formhaus.delivery.RetryPolicy;
import org.formhaus.onoffice.HttpClientShutdown;
import org.formhaus.storage.WebhookStore;

/**
 * Sends the webhook outbox: claims due messages (leased, so several instances never send one at once), POSTs each
 * with the Standard Webhooks headers ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}) and
 * records the outcome: a 2xx answer is sent; anything else, or no answer, is tried again after the delivery backoff
 * until the message is {@code giveUpAfter} old; a URL no longer allowed fails at once. The same message keeps its
 * {@code webhook-id} on every try. One per application; {@link #start()} once, {@link #close()} at shutdown.
 */
public final class WebhookSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());
    private static final int BATCH = 8;

    private final String worker = "webhooks-" + UUID.randomUUID();
    private final WebhookStore store;
    private final WebhookTargets targets;
    private final RetryPolicy retry;
    private final long giveUpMs;
    private final long pollMs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Thread thread = new Thread(this::loop, "formhaus-webhooks");
    private final Object wakeUp = new Object();
    private volatile boolean running = true;

    public WebhookSender(WebhookStore store, WebhookTargets targets, RetryPolicy retry, Duration giveUpAfter,
                         Duration poll) {
        this.store = store;
        this.targets = targets;
        this.retry = retry;
        this.giveUpMs = giveUpAfter.toMillis();
        this.pollMs = poll.toMillis();
        thread.setDaemon(true);
    }

    public WebhookSender start() {
        thread.start();
        return this;
    }

    /** Looks for due messages now, e.g. right after a delivery's outcome was recorded. */
    public void nudge() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                for (WebhookStore.Message message : store.claimDue(worker, System.currentTimeMillis(), 60_000, BATCH)) {
                    send(message);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Webhook poll failed, trying again in " + pollMs + " ms: " + e.getMessage());
            }
            synchronized (wakeUp) {
                try {
                    if (running) {
                        wakeUp.wait(pollMs);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void send(WebhookStore.Message message) throws SQLException {
        String problem = targets.problem(message.url());
        if (problem != null) {
            store.fail(message.id(), worker, "The URL " + problem);
            LOG.log(Level.WARNING, "Webhook message {0} not sent: its URL is no longer allowed", message.id());
            return;
        }
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(URI.create(message.url()))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Formhaus-Webhooks")
                .header("webhook-id", message.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(message.secret(), message.id(), timestamp,
                        message.body()))
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                .build();
        String error;
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                store.sent(message.id(), worker);
                return;
            }
            error = "The endpoint answered HTTP " + status;
        } catch (java.io.IOException e) {
            error = "No answer from the endpoint: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: the lease runs out and the message is sent later
        }
        long now = System.currentTimeMillis();
        long due = now + retry.delayMs(message.attempts());
        if (due - message.createdMs() > giveUpMs) {
            store.fail(message.id(), worker, error + "; gave up after " + (message.attempts() + 1) + " tries");
        } else {
            store.retry(message.id(), worker, due, error);
        }
        LOG.log(Level.INFO, "Webhook message {0}, try {1}: {2}", message.id(), message.attempts() + 1, error);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // In a servlet container an undeploy must leave no thread of ours behind (ContainerDeploymentIT).
        HttpClientShutdown.stop(http, Duration.ofSeconds(5));
    }
}
