package org.formhaus.logs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record: time, level, logger, the {@link LogContext} ids in brackets, the message; an exception's
 * stack trace follows on its own lines. For people reading the console. Thread-safe.
 */
public final class TextLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                .append(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName());
        Map<String, String> ids = LogContext.current();
        if (!ids.isEmpty()) {
            line.append(" [");
            ids.forEach((key, value) -> line.append(line.charAt(line.length() - 1) == '[' ? "" : " ")
                    .append(key).append('=').append(value));
            line.append(']');
        }
        line.append(" - ").append(formatMessage(record)).append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }
}
