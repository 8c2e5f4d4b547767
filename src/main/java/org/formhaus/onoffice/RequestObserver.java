package org.formhaus.onoffice;

import java.time.Duration;

/**
 * Told of every onOffice API request a client made or refused: how long it took ({@code null} when nothing was sent,
 * e.g. a host that is not allowed) and why it failed ({@code null} when it succeeded). Each retry of a client's own
 * is a request of its own. Implementations must be thread-safe, quick and must not throw.
 */
@FunctionalInterface
public interface RequestObserver {

    RequestObserver NONE = (took, error) -> {
    };

    void finished(Duration took, OnOfficeException.Reason error);
}
