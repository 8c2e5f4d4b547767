package org.formhaus.onoffice;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The app's single entry point to onOffice: holds the shared {@link HttpClient}, the timeouts, the retry policy and
 * the {@link OnOfficeHosts} requests may go to, and hands out a client per API user. Create one per application and
 * share it; it is thread-safe (the HTTP client is made once, at the first request), and the clients it returns are
 * too. Its settings are fixed when built, except that {@link #allowAlso(URI)} may widen the hosts once the
 * in-process simulator's address is known (sandbox mode). {@link #close()} it when the application stops: that ends
 * the HTTP client's threads (inside a servlet container they would outlive an undeploy).
 *
 * <pre>{@code
 * OnOfficeConnector connector = OnOfficeConnector.builder().requestTimeout(Duration.ofSeconds(20)).build();
 * OnOfficeClient client = connector.clientFor(credentials);                 // retries transient failures
 * OnOfficeClient once = connector.clientFor(credentials, RetryMode.NONE);   // the caller decides about retries
 * }</pre>
 *
 * <p>About idempotency: onOffice has no idempotency key. If a request times out after onOffice has run its actions
 * (or the reply is lost), repeating it runs them again, so a retried CREATE may create a duplicate record. Use
 * {@link RetryMode#NONE} or {@link RetryMode#SAFE_ONLY} for writes whose repetition you control yourself.
 */
public final class OnOfficeConnector implements AutoCloseable {

    /** Made at the first request: building it sets up TLS (the JDK's trust store), a good part of start-up time. */
    private HttpClient httpClient;
    private boolean closed;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final RequestObserver observer;
    private volatile OnOfficeHosts hosts;

    private OnOfficeConnector(Builder b) {
        this.hosts = b.hosts;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.retryPolicy = b.retryPolicy;
        this.clock = b.clock;
        this.observer = b.observer;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Connect timeout 5 s, request timeout 30 s, {@link RetryPolicy#DEFAULT}, onOffice's API host only. */
    public static OnOfficeConnector withDefaults() {
        return builder().build();
    }

    /** A client that retries transient failures automatically ({@link RetryMode#AUTOMATIC}). */
    public OnOfficeClient clientFor(OnOfficeCredentials credentials) {
        return clientFor(credentials, RetryMode.AUTOMATIC);
    }

    public OnOfficeClient clientFor(OnOfficeCredentials credentials, RetryMode retryMode) {
        if (credentials == null) throw new IllegalArgumentException("The parameter 'credentials' must not be null.");
        if (retryMode == null) throw new IllegalArgumentException("The parameter 'retryMode' must not be null.");
        return new HttpOnOfficeClient(this, credentials, retryMode);
    }

    /** Whether requests to {@code url} may be sent (an allowed onOffice host). */
    public boolean allows(URI url) {
        return hosts.allows(url);
    }

    /** Whether requests to {@code url} may be sent; false for text that is no URL. */
    public boolean allows(String url) {
        return hosts.allows(url);
    }

    /** Also allows requests to the host and port of {@code base}: the simulator's, in sandbox mode. */
    public synchronized void allowAlso(URI base) {
        hosts = hosts.plus(base);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    synchronized HttpClient httpClient() {
        if (closed) {
            throw new IllegalStateException("The onOffice connector was closed (the application is stopping)");
        }
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return httpClient;
    }

    Clock clock() {
        return clock;
    }

    /** Ends the shared HTTP client's threads; clients handed out before must not be used afterwards. */
    @Override
    public void close() {
        HttpClient made;
        synchronized (this) {
            closed = true;
            made = httpClient;
        }
        if (made != null) {
            HttpClientShutdown.stop(made, Duration.ofSeconds(5));
        }
    }

    RequestObserver observer() {
        return observer;
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe; use once. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private OnOfficeHosts hosts = OnOfficeHosts.onOfficeOnly();
        private RequestObserver observer = RequestObserver.NONE;

        private Builder() {
        }

        /** The hosts requests may go to. Default: {@link OnOfficeHosts#onOfficeOnly()}. */
        public Builder hosts(OnOfficeHosts hosts) {
            if (hosts == null) throw new IllegalArgumentException("The parameter 'hosts' must not be null.");
            this.hosts = hosts;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            if (policy == null) throw new IllegalArgumentException("The parameter 'retryPolicy' must not be null.");
            this.retryPolicy = policy;
            return this;
        }

        /** The clock whose time is signed into every action (onOffice accepts ±120 s). Default: system UTC. */
        public Builder clock(Clock clock) {
            if (clock == null) throw new IllegalArgumentException("The parameter 'clock' must not be null.");
            this.clock = clock;
            return this;
        }

        /** Told of every request's duration and failure (metrics). Default: nobody. */
        public Builder observer(RequestObserver observer) {
            if (observer == null) throw new IllegalArgumentException("The parameter 'observer' must not be null.");
            this.observer = observer;
            return this;
        }

        public OnOfficeConnector build() {
            return new OnOfficeConnector(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) throw new IllegalArgumentException(name + " must be positive: " + d);
            return d;
        }
    }
}
