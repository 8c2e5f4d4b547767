/**
 * The HTTP kit every servlet package uses ({@code web}, {@code admin}, {@code marketplace}, {@code newsletter}):
 * {@link org.formhaus.http.Json} (the one Gson configuration, JSON bodies and replies; a body is read against its
 * endpoint's {@link org.formhaus.http.KnownKeys}, so an unknown key is refused naming it),
 * {@link org.formhaus.http.ErrorReplies} (the one place that turns a failure into a status and a message, never an
 * exception's name; with {@link org.formhaus.http.ErrorReplyFilter} under every servlet for whatever escapes one),
 * {@link org.formhaus.http.Html} (the one HTML escape), {@link org.formhaus.http.SignedTokens} (the one HMAC primitive
 * for Formhaus's own signed tokens), {@link org.formhaus.http.UrlEncoded} and
 * {@link org.formhaus.http.ResponseHardening} (the filter in front of every URL: security headers, no TRACE). It knows no form, no onOffice and no
 * feature; it may use {@code storage} only to recognise a database failure.
 */
package org.formhaus.http;
