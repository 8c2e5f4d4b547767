package org.formhaus.onoffice;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link OnOfficeClient} over HTTP for one API user: signs every action, sends all actions of a call in one POST,
 * matches results back by identifier and repeats retryable failures as its {@link RetryMode} allows.
 * Immutable and safe to share across threads; created by {@link OnOfficeConnector}.
 */
final class HttpOnOfficeClient implements OnOfficeClient {

    private static final System.Logger LOG = System.getLogger(HttpOnOfficeClient.class.getName());

    private final OnOfficeConnector connector;
    private final OnOfficeCredentials credentials;
    private final RetryMode retryMode;
    private final URI uri;

    HttpOnOfficeClient(OnOfficeConnector connector, OnOfficeCredentials credentials, RetryMode retryMode) {
        this.connector = connector;
        this.credentials = credentials;
        this.retryMode = retryMode;
        this.uri = URI.create(credentials.url());
    }

    @Override
    public List<ActionResult> execute(List<Action> actions) throws OnOfficeException {
        if (actions == null || actions.isEmpty()) {
            return List.of();
        }
        if (!connector.allows(uri)) {
            connector.observer().finished(null, OnOfficeException.Reason.HOST_NOT_ALLOWED);
            // Checked again here although settings are checked when saved: a stored URL may predate the rule.
            throw new OnOfficeException(OnOfficeException.Reason.HOST_NOT_ALLOWED, "The onOffice API URL points to "
                    + uri.getHost() + ", which is not onOffice's API host nor one allowed in onoffice.hosts; "
                    + "nothing was sent", null);
        }
        List<String> sentIds = uniqueIdentifiers(actions);
        RetryPolicy policy = retryMode == RetryMode.NONE ? RetryPolicy.NONE : connector.retryPolicy();
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                List<ActionResult> results = send(actions, sentIds);
                connector.observer().finished(Duration.ofNanos(System.nanoTime() - started), null);
                return results;
            } catch (Failure failure) {
                connector.observer().finished(Duration.ofNanos(System.nanoTime() - started),
                        failure.exception.reason());
                if (!mayRetry(failure, actions) || attempt >= policy.maxAttempts()) {
                    throw attempt > 1 ? withAttempts(failure.exception, attempt) : failure.exception;
                }
                Duration wait = failure.retryAfter == null ? policy.delayBefore(attempt + 1, ThreadLocalRandom.current().nextDouble())
                        : min(failure.retryAfter, policy.maxDelay());
                LOG.log(Level.WARNING, "onOffice request failed ({0}), attempt {1} of {2}; retrying in {3} ms",
                        failure.exception.reason(), attempt, policy.maxAttempts(), wait.toMillis());
                pause(wait, failure.exception);
            }
        }
    }

    private List<ActionResult> send(List<Action> actions, List<String> sentIds) throws Failure {
        String body = envelope(actions, sentIds).toString();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(connector.requestTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            LOG.log(Level.DEBUG, "onOffice request with {0} action(s) to {1}", actions.size(), uri.getHost());
            response = connector.httpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new Failure(new OnOfficeException(OnOfficeException.Reason.TIMEOUT,
                    "Connecting to onOffice at " + uri.getHost() + " timed out", e), true, null);
        } catch (HttpTimeoutException e) {
            throw new Failure(new OnOfficeException(OnOfficeException.Reason.TIMEOUT, "No reply from onOffice within "
                    + connector.requestTimeout().toMillis() + " ms (the actions may have run)", e), false, null);
        } catch (ConnectException e) {
            throw new Failure(new OnOfficeException(OnOfficeException.Reason.TRANSPORT,
                    "Cannot connect to onOffice at " + uri.getHost() + ": " + e, e), true, null);
        } catch (IOException e) {
            throw new Failure(new OnOfficeException(OnOfficeException.Reason.TRANSPORT,
                    "Talking to onOffice failed: " + e, e), false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(new OnOfficeException(OnOfficeException.Reason.TRANSPORT,
                    "Interrupted while waiting for onOffice", e), false, null, true);
        }
        return interpret(response, actions, sentIds);
    }

    private List<ActionResult> interpret(HttpResponse<String> response, List<Action> actions, List<String> sentIds)
            throws Failure {
        int http = response.statusCode();
        if (http == 429) {
            Duration retryAfter = response.headers().firstValue("Retry-After").map(HttpOnOfficeClient::seconds).orElse(null);
            throw new Failure(new OnOfficeException(OnOfficeException.Reason.RATE_LIMITED,
                    "onOffice rejected the request: too many requests (HTTP 429)", null), true, retryAfter);
        }
        ResponseParser.Envelope envelope;
        try {
            envelope = ResponseParser.parseEnvelope(response.body());
        } catch (JsonParseException | IllegalStateException e) {
            OnOfficeException.Reason reason = http >= 500 ? OnOfficeException.Reason.SERVER_ERROR : OnOfficeException.Reason.TRANSPORT;
            throw new Failure(new OnOfficeException(reason, "onOffice answered HTTP " + http
                    + " with a body that is not onOffice JSON", null), false, null);
        }
        if (envelope.code() >= 500 || (envelope.code() == 0 && http >= 500)) {
            throw new Failure(new OnOfficeException(OnOfficeException.Reason.SERVER_ERROR, envelope.errorCode(),
                    envelope.message(), "onOffice server error (HTTP " + http + ", status " + envelope.code() + "): "
                    + envelope.message(), null), false, null);
        }
        if ((envelope.errorCode() != 0 && envelope.errorCode() != 97) || envelope.code() == 400) {
            OnOfficeException.Reason reason = OnOfficeException.classify(envelope.errorCode(), envelope.message());
            if (reason == OnOfficeException.Reason.ACTION_FAILED || reason == OnOfficeException.Reason.SERVER_ERROR) {
                reason = envelope.code() == 400 ? OnOfficeException.Reason.NOT_AUTHENTICATED : OnOfficeException.Reason.INVALID_REQUEST;
            }
            throw new Failure(new OnOfficeException(reason, envelope.errorCode(), envelope.message(),
                    "onOffice refused the request: error " + envelope.errorCode() + " \"" + envelope.message() + "\"",
                    null), false, null);
        }
        return match(actions, sentIds, envelope.results());
    }

    /** Results in request order: by identifier first, then unmatched ones in order, then a synthetic error. */
    static List<ActionResult> match(List<Action> actions, List<String> sentIds, List<ActionResult> results) {
        Map<String, Integer> slotById = new HashMap<>();
        for (int i = 0; i < sentIds.size(); i++) {
            slotById.put(sentIds.get(i), i);
        }
        ActionResult[] slots = new ActionResult[actions.size()];
        List<ActionResult> unmatched = new ArrayList<>();
        for (ActionResult r : results) {
            Integer slot = slotById.get(r.identifier());
            if (slot != null && slots[slot] == null) {
                slots[slot] = r;
            } else {
                unmatched.add(r);
            }
        }
        int next = 0;
        List<ActionResult> ordered = new ArrayList<>(actions.size());
        for (int i = 0; i < slots.length; i++) {
            ActionResult r = slots[i];
            if (r == null && next < unmatched.size()) {
                r = unmatched.get(next++);
            }
            Action a = actions.get(i);
            ordered.add(r == null
                    ? new ActionResult(a.identifier(), a.kind().urn(), a.resourceType(), a.resourceId(), 500,
                    "onOffice sent no result for this action", List.of(), null, null)
                    : new ActionResult(a.identifier(), r.actionId(), r.resourceType(), r.resourceId(), r.errorCode(),
                    r.message(), r.records(), r.meta(), r.cntAbsolute()));
        }
        return ordered;
    }

    private JsonObject envelope(List<Action> actions, List<String> sentIds) {
        long timestamp = connector.clock().instant().getEpochSecond();
        JsonArray list = new JsonArray();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            JsonObject o = new JsonObject();
            o.addProperty("actionid", a.kind().urn());
            o.addProperty("resourceid", a.resourceId());
            o.addProperty("resourcetype", a.resourceType());
            o.addProperty("identifier", sentIds.get(i));
            o.addProperty("timestamp", timestamp);
            o.addProperty("hmac", RequestSigner.sign(credentials.secret(), timestamp, credentials.token(),
                    a.resourceType(), a.kind().urn()));
            o.addProperty("hmac_version", 2);
            o.add("parameters", parameters(a.parameters()));
            list.add(o);
        }
        JsonObject request = new JsonObject();
        request.add("actions", list);
        JsonObject doc = new JsonObject();
        doc.addProperty("token", credentials.token());
        doc.add("request", request);
        return doc;
    }

    /**
     * The action's parameters, keys sorted, plus the marketplace claim when the credentials carry one: onOffice refuses
     * every action of a marketplace API user without it (error 193). An action that names its own claim (the unlock)
     * keeps it. A copy: the caller's object is never changed.
     */
    private JsonObject parameters(JsonObject parameters) {
        TreeMap<String, com.google.gson.JsonElement> keys = new TreeMap<>(parameters.asMap());
        if (credentials.hasClaim()) {
            keys.putIfAbsent("extendedclaim", new com.google.gson.JsonPrimitive(credentials.claim()));
        }
        JsonObject out = new JsonObject();
        keys.forEach(out::add);
        return out;
    }

    /** The caller's identifiers where given and unique, otherwise generated ones ("a0", "a1", ...). */
    private static List<String> uniqueIdentifiers(List<Action> actions) {
        Set<String> used = new HashSet<>();
        List<String> ids = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            String id = actions.get(i).identifier();
            if (id.isEmpty() || !used.add(id)) {
                id = "fh" + i;
                while (!used.add(id)) {
                    id = id + "_";
                }
            }
            ids.add(id);
        }
        return ids;
    }

    private boolean mayRetry(Failure failure, List<Action> actions) {
        if (failure.interrupted || !failure.exception.retryable()) return false;
        return switch (retryMode) {
            case AUTOMATIC -> true;
            case NONE -> false;
            case SAFE_ONLY -> failure.notDelivered || actions.stream()
                    .allMatch(a -> a.kind() == ActionKind.READ || a.kind() == ActionKind.GET);
        };
    }

    private static void pause(Duration wait, OnOfficeException cause) throws OnOfficeException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnOfficeException(cause.reason(), cause.errorCode(), cause.onOfficeMessage(),
                    cause.getMessage() + " (interrupted before retrying)", cause);
        }
    }

    private static OnOfficeException withAttempts(OnOfficeException e, int attempts) {
        return new OnOfficeException(e.reason(), e.errorCode(), e.onOfficeMessage(),
                e.getMessage() + " (after " + attempts + " attempts)", e.getCause());
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A failed attempt and whether the request certainly never reached onOffice. */
    private static final class Failure extends Exception {
        final OnOfficeException exception;
        final boolean notDelivered;
        final Duration retryAfter;
        final boolean interrupted;

        Failure(OnOfficeException exception, boolean notDelivered, Duration retryAfter) {
            this(exception, notDelivered, retryAfter, false);
        }

        Failure(OnOfficeException exception, boolean notDelivered, Duration retryAfter, boolean interrupted) {
            super(null, null, false, false);
            this.exception = exception;
            this.notDelivered = notDelivered;
            this.retryAfter = retryAfter;
            this.interrupted = interrupted;
        }
    }
}
