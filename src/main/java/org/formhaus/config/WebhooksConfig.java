package org.formhaus.config;

import java.util.Arrays;
import java.util.List;

/**
 * {@code webhooks.hosts}: hosts (or host:port) webhooks may go to although they resolve to a private or loopback
 * address, e.g. a receiver inside the operator's network; empty: public addresses only. Immutable.
 */
public record WebhooksConfig(List<String> hosts) {

    static WebhooksConfig read(Keys keys) {
        return new WebhooksConfig(Arrays.stream(keys.string("webhooks.hosts").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
}
