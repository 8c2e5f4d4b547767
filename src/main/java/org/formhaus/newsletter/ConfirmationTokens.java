package org.formhaus.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.formhaus.http.SignedTokens;
import org.formhaus.mapping.ConfirmationLinks;
import org.formhaus.mapping.MappingException;

/**
 * Signs and checks newsletter confirmation links: {@code <base>/n/confirm?t=<token>}, the token naming the
 * submission and an expiry, signed with an instance key ({@link SignedTokens#issue}), so a link cannot be forged or
 * altered. Immutable and thread-safe; one per application.
 */
public final class ConfirmationTokens implements ConfirmationLinks {

    public static final String PATH = "/n/confirm";

    private final SignedTokens tokens;
    private final Supplier<String> baseUrl;
    private final Duration validity;

    /** @param baseUrl where visitors reach Formhaus (no trailing slash); empty while unknown */
    public ConfirmationTokens(String key, Supplier<String> baseUrl, Duration validity, Clock clock) {
        this.tokens = new SignedTokens(key, clock);
        this.baseUrl = baseUrl;
        this.validity = validity;
    }

    @Override
    public String confirmUrl(String submissionId) {
        String base = baseUrl.get();
        if (base == null || base.isBlank()) {
            throw new MappingException("public.url is not set, so no newsletter confirmation link can be made");
        }
        return base.replaceAll("/+$", "") + PATH + "?t=" + token(submissionId);
    }

    String token(String submissionId) {
        return tokens.issue(submissionId, validity);
    }

    /** The submission id of a valid, unexpired token. */
    Optional<String> verify(String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        return tokens.open(token);
    }
}
