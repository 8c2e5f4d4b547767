package org.formhaus.config;

import java.time.Duration;

/**
 * How long Formhaus waits for onOffice: {@code onoffice.connect.timeout.seconds} to connect and
 * {@code onoffice.request.timeout.seconds} for one request's answer. Immutable.
 */
public record OnOfficeConfig(Duration connectTimeout, Duration requestTimeout) {

    static OnOfficeConfig read(Keys keys) {
        return new OnOfficeConfig(keys.seconds("onoffice.connect.timeout.seconds", 1, 600),
                keys.seconds("onoffice.request.timeout.seconds", 1, 3600));
    }
}
