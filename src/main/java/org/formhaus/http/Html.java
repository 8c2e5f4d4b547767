package org.formhaus.http;

import freemarker.core.HTMLOutputFormat;

/**
 * The one HTML escape, for the few bits written outside a FreeMarker template (the per-request parts of a cached form
 * page, an attribute built in code). It is the escape FreeMarker's {@code .ftlh} templates apply themselves, so a
 * value comes out the same whichever way it is written: {@code < > & " '} become {@code &lt; &gt; &amp; &quot; &#39;},
 * which is safe in element text and in quoted attribute values. Stateless.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        return HTMLOutputFormat.INSTANCE.escapePlainText(text);
    }
}
