package org.formhaus.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveCharactersThatMatterInTextAndQuotedAttributes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Müller &amp; Söhne&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>Müller & Söhne</a>"));
        assertEquals("plain text stays", Html.escape("plain text stays"));
    }

    @Test
    void escapesExactlyAsTheTemplatesDo() throws Exception {
        // A cached form page is filled in with Html.escape; a fresh one is rendered by FreeMarker: both must agree.
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        Template template = new Template("t.ftlh", new StringReader("${v}"), config);
        String value = "\"/f/kontakt?fh_parent=https://a.example&fh_frame=<x>'\"";
        StringWriter out = new StringWriter();
        template.process(Map.of("v", value), out);
        assertEquals(out.toString(), Html.escape(value));
    }
}
