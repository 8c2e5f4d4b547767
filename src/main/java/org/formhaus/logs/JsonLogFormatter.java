package org.formhaus.logs;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code time} (ISO-8601 UTC), {@code level}, {@code logger}, {@code thread},
 * {@code message}, the {@link LogContext} ids ({@code requestId}, {@code submissionId}) when set, and {@code error}
 * (the exception with its stack trace) when there is one. For log shippers (Loki, Elasticsearch, journald's JSON).
 * Thread-safe.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        JsonObject line = new JsonObject();
        line.addProperty("time", Instant.ofEpochMilli(record.getMillis()).toString());
        line.addProperty("level", record.getLevel().getName());
        line.addProperty("logger", record.getLoggerName());
        line.addProperty("thread", Thread.currentThread().getName());
        line.addProperty("message", formatMessage(record));
        LogContext.current().forEach(line::addProperty);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.addProperty("error", trace.toString());
        }
        return line + System.lineSeparator();
    }
}
