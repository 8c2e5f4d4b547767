package org.formhaus.config;

import java.time.Duration;

/**
 * Limits of the public forms ({@code /f/{key}}): rate limits per client address and form and per form
 * ({@code ratelimit.*}, 0 = off), the minimum fill time ({@code spam.min.fill.seconds}, 0 = off), body and upload
 * sizes ({@code forms.max.body.bytes}, {@code upload.max.file.bytes}, {@code upload.max.request.bytes}), the
 * background refresh of each account's onOffice options catalogue: the age that starts one
 * ({@code forms.options.cache.minutes}), the wait after a failed one ({@code forms.options.retry.seconds}) and how
 * many accounts refresh at once ({@code forms.options.refresh.threads}), and how long a served form's single-use
 * token is valid ({@code forms.token.validity.hours}). Immutable.
 */
public record FormsConfig(int submissionsPerClientPerMinute, int submissionsPerFormPerMinute, int minFillSeconds,
                          long maxBodyBytes, long maxFileBytes, long maxRequestBytes, Duration optionsCache,
                          Duration optionsRetry, int optionsRefreshThreads, Duration tokenValidity) {

    static FormsConfig read(Keys keys) {
        long maxFile = keys.longNumber("upload.max.file.bytes", 1, Integer.MAX_VALUE);
        long maxRequest = keys.longNumber("upload.max.request.bytes", 1, Integer.MAX_VALUE);
        if (maxRequest < maxFile) {
            throw new ConfigException("upload.max.request.bytes (" + maxRequest
                    + ") must not be less than upload.max.file.bytes (" + maxFile + ")");
        }
        return new FormsConfig(keys.number("ratelimit.submissions.per.minute", 0, 1_000_000),
                keys.number("ratelimit.form.submissions.per.minute", 0, 1_000_000),
                keys.number("spam.min.fill.seconds", 0, 3600),
                keys.longNumber("forms.max.body.bytes", 1024, Integer.MAX_VALUE), maxFile, maxRequest,
                keys.minutes("forms.options.cache.minutes", 1, 7 * 24 * 60),
                keys.seconds("forms.options.retry.seconds", 1, 24 * 3600),
                keys.number("forms.options.refresh.threads", 1, 64),
                keys.hours("forms.token.validity.hours", 1, 24 * 365));
    }
}
