package org.formhaus.admin.ui;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The admin UI's words in one language ({@code de} or {@code en}), from {@code /i18n/admin_<lang>.properties}.
 * The language is chosen by {@code ?lang=} (remembered in a cookie), else that cookie, else the browser's
 * Accept-Language, else English. Immutable; the bundles are loaded once.
 */
record UiText(String lang, Map<String, String> messages) {

    static final String COOKIE = "formhaus_lang";
    private static final Map<String, UiText> BUNDLES = Map.of("de", load("de"), "en", load("en"));

    static UiText of(String lang) {
        return BUNDLES.getOrDefault(lang, BUNDLES.get("en"));
    }

    /** Chooses the request's language; a {@code lang} parameter is remembered for later requests. */
    static UiText choose(HttpServletRequest request, HttpServletResponse response) {
        String asked = request.getParameter("lang");
        if (asked != null && BUNDLES.containsKey(asked)) {
            Cookie cookie = new Cookie(COOKIE, asked);
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            return of(asked);
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals(COOKIE) && BUNDLES.containsKey(cookie.getValue())) {
                    return of(cookie.getValue());
                }
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            Enumeration<Locale> locales = request.getLocales();
            while (locales.hasMoreElements()) {
                String language = locales.nextElement().getLanguage();
                if (BUNDLES.containsKey(language)) {
                    return of(language);
                }
            }
        }
        return of("en");
    }

    String get(String key) {
        String text = messages.get(key);
        if (text == null) {
            throw new IllegalArgumentException("No admin UI text '" + key + "' in language " + lang);
        }
        return text;
    }

    private static UiText load(String lang) {
        String name = "/i18n/admin_" + lang + ".properties";
        try (InputStream in = UiText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name + " on the class path");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new HashMap<>();
            properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
            return new UiText(lang, Collections.unmodifiableMap(map));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
