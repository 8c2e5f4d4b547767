package org.formhaus.config;

import java.time.Duration;

/** Newsletter double opt-in: a confirmation link is valid for {@code newsletter.confirm.days}. Immutable. */
public record NewsletterConfig(Duration confirmLinkValid) {

    static NewsletterConfig read(Keys keys) {
        return new NewsletterConfig(keys.days("newsletter.confirm.days", 1, 3650));
    }
}
