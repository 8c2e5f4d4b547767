package org.formhaus.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Puts a format ({@code log.format}) on the handlers of java.util.logging's root logger, where Formhaus's lines and
 * (through SLF4J) its libraries' go; {@link #close()} gives the handlers their former formats back. Used once at
 * start; not thread-safe.
 */
public final class ServerLog implements AutoCloseable {

    /** How lines are written: {@code text} for people, {@code json} for log shippers. */
    public enum Format {
        TEXT, JSON
    }

    private record Previous(Handler handler, Formatter formatter) {
    }

    private final List<Previous> previous;

    private ServerLog(List<Previous> previous) {
        this.previous = previous;
    }

    /** Formats every root handler's lines as {@code format}. */
    public static ServerLog install(Format format) {
        List<Previous> previous = new ArrayList<>();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            previous.add(new Previous(handler, handler.getFormatter()));
            handler.setFormatter(format == Format.JSON ? new JsonLogFormatter() : new TextLogFormatter());
        }
        return new ServerLog(previous);
    }

    /** Leaves the log as it is (a container's own format). */
    public static ServerLog untouched() {
        return new ServerLog(List.of());
    }

    @Override
    public void close() {
        previous.stream().filter(p -> p.formatter() != null)
                .forEach(p -> p.handler().setFormatter(p.formatter()));
    }
}
