package org.formhaus.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;

/**
 * The FreeMarker templates under {@code /templates} on the class path. {@code .ftlh} files escape every value as
 * HTML. Templates are parsed once and cached; safe to share across threads; one per application.
 */
public final class Templates {

    private final Configuration config;

    public Templates() {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "/templates");
        config.setDefaultEncoding("UTF-8");
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setRecognizeStandardFileExtensions(true);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setNumberFormat("computer");
    }

    public void render(String name, Map<String, ?> model, Writer out) throws IOException {
        Template template = config.getTemplate(name);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw new IOException("Template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }

    public String render(String name, Map<String, ?> model) throws IOException {
        StringWriter out = new StringWriter();
        render(name, model, out);
        return out.toString();
    }
}
