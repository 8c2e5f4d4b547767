package org.formhaus.mail;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles and renders mail templates: subjects as plain text (line breaks removed, so no header can be injected),
 * bodies as HTML with every value escaped. The templates come from admins, so FreeMarker's {@code ?new} and
 * {@code ?api} are off: a template can only read the model it is given. Compiled templates are cached by their text.
 * Thread-safe; one per application.
 */
final class MailTemplates {

    /** Which part of a mail a template is: decides the escaping. */
    enum Part {
        SUBJECT(PlainTextOutputFormat.INSTANCE), BODY(HTMLOutputFormat.INSTANCE);

        private final OutputFormat format;

        Part(OutputFormat format) {
            this.format = format;
        }
    }

    private static final int CACHE_LIMIT = 1000;

    private final Map<Part, Configuration> configs = Map.of(Part.SUBJECT, config(Part.SUBJECT), Part.BODY,
            config(Part.BODY));
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    /** The template's text, or a parse error (message with line and column) as {@link MailTemplateException}. */
    Template compile(String name, Part part, String source) throws MailTemplateException {
        String key = part + "\u0000" + source;
        Template cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            // {{macros}} become expressions of the model, escaped for where they stand (MailMacros)
            Template template = new Template(name, new StringReader(MailMacros.toFreeMarker(source, part, name)),
                    configs.get(part));
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear(); // form templates change rarely; a full cache means many forms, not a leak to manage
            }
            cache.put(key, template);
            return template;
        } catch (IOException e) {
            throw new MailTemplateException(name + " does not parse: " + firstLine(e.getMessage()), e);
        }
    }

    String render(String name, Part part, String source, Map<String, ?> model) throws MailTemplateException {
        StringWriter out = new StringWriter();
        try {
            compile(name, part, source).process(model, out);
        } catch (TemplateException | IOException e) {
            String message = e instanceof TemplateException t ? t.getMessageWithoutStackTop() : e.getMessage();
            throw new MailTemplateException(name + " fails: " + firstLine(message), e);
        }
        String text = out.toString();
        return part == Part.SUBJECT ? text.replaceAll("[\\r\\n]+", " ").strip() : text;
    }

    /** The built-in default of a part, e.g. {@code templates/mail/confirmation_de.subject.ftl}. */
    static String builtIn(String mail, String language, Part part) {
        String lang = "de".equals(language) ? "de" : "en";
        String file = "/templates/mail/" + mail + "_" + lang + (part == Part.SUBJECT ? ".subject.ftl" : ".body.ftlh");
        try (InputStream in = MailTemplates.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Built-in mail template missing from the class path: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Configuration config(Part part) {
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        config.setDefaultEncoding("UTF-8");
        config.setOutputFormat(part.format);
        config.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setNumberFormat("computer");
        return config;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int cut = message.indexOf("\n----");
        String s = (cut < 0 ? message : message.substring(0, cut)).strip();
        return s.length() > 400 ? s.substring(0, 397) + "..." : s;
    }

    /** A template that does not parse or does not render, with a message naming it and the place. */
    static final class MailTemplateException extends Exception {
        MailTemplateException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
