package org.formhaus.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.formhaus.http.HttpProblem;
import org.formhaus.privacy.TermHashes;
import org.formhaus.storage.SubmissionFilter;
import org.formhaus.storage.SubmissionStatus;

/**
 * The filter of a submissions list or export as its URL gives it: {@code form} (a form key), {@code status}
 * (received, delivering, delivered, failed), {@code from} and {@code to} (dates YYYY-MM-DD, both days included, in
 * the server's time zone as the pages show times) and {@code q} (a name or e-mail address, found by its keyed hash).
 * A bad value is refused with 400 naming the parameter. Immutable; the raw values are kept to build links.
 */
public record SubmissionQuery(String form, String status, String from, String to, String q) {

    /** The parameters a query reads. */
    public static final List<String> PARAMETERS = List.of("form", "status", "from", "to", "q");

    public static SubmissionQuery of(HttpServletRequest request) {
        return new SubmissionQuery(blankless(request.getParameter("form")), blankless(request.getParameter("status")),
                blankless(request.getParameter("from")), blankless(request.getParameter("to")),
                blankless(request.getParameter("q")));
    }

    /** The filter over the account's submissions. */
    public SubmissionFilter filter(long accountId, TermHashes hashes, ZoneId zone) {
        SubmissionStatus statusValue = null;
        if (status != null) {
            try {
                statusValue = SubmissionStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw HttpProblem.badRequest("status must be one of received, delivering, delivered, failed");
            }
        }
        Long fromMs = from == null ? null : date("from", from).atStartOfDay(zone).toInstant().toEpochMilli();
        Long toMs = to == null ? null : date("to", to).plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        List<String> terms = q == null ? List.of() : hashes.query(q);
        return new SubmissionFilter(accountId, form, statusValue, fromMs, toMs, terms);
    }

    /** The query as URL parameters (each {@code &name=value}), for links that keep it. */
    public String asParameters() {
        StringBuilder out = new StringBuilder();
        add(out, "form", form);
        add(out, "status", status);
        add(out, "from", from);
        add(out, "to", to);
        add(out, "q", q);
        return out.toString();
    }

    private static void add(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest(name + " must be a date YYYY-MM-DD");
        }
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
