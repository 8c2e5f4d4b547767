package org.formhaus.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How long Formhaus waits for onOffice: {@code onoffice.connect.timeout.seconds} to connect and
 * {@code onoffice.request.timeout.seconds} for one request's answer; and {@code onoffice.hosts}, the hosts an
 * account's onOffice URL may use besides onOffice's own ({@code host} or {@code host:port} entries, checked by
 * {@code org.formhaus.onoffice.OnOfficeHosts} at start). Immutable.
 */
public record OnOfficeConfig(Duration connectTimeout, Duration requestTimeout, List<String> hosts) {

    public OnOfficeConfig {
        hosts = List.copyOf(hosts);
    }

    static OnOfficeConfig read(Keys keys) {
        return new OnOfficeConfig(keys.seconds("onoffice.connect.timeout.seconds", 1, 600),
                keys.seconds("onoffice.request.timeout.seconds", 1, 3600),
                Arrays.stream(keys.string("onoffice.hosts").split(",")).map(String::strip)
                        .filter(entry -> !entry.isEmpty()).toList());
    }
}
