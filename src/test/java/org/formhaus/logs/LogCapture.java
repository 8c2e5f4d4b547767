package org.formhaus.logs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything this JVM logs while open: every java.util.logging record at every level (through a JSON handler on the
 * root logger, so the ids are captured too), and whatever is written to System.out and System.err (libraries whose
 * SLF4J provider writes there). Closing restores the levels and the streams. One at a time per JVM.
 */
final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream records = new ByteArrayOutputStream();
    private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final Handler handler = new Handler() {
        private final JsonLogFormatter format = new JsonLogFormatter();

        @Override
        public void publish(LogRecord record) {
            // Formhaus's own lines at every level; the libraries' at the levels a deployment logs by default. Their
            // debug and trace output (the JDBC driver's wire dumps, the HTTP client's debug log) shows the bytes
            // sent, by design, and is off unless an operator turns it on to debug.
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (!logger.startsWith("org.formhaus") && record.getLevel().intValue() < Level.INFO.intValue()) {
                return;
            }
            byte[] line = format.format(record).getBytes(StandardCharsets.UTF_8);
            synchronized (records) {
                records.writeBytes(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LogCapture() {
        handler.setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(handler);
        System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
    }

    /** The JSON lines of every record so far. */
    String records() {
        synchronized (records) {
            return records.toString(StandardCharsets.UTF_8);
        }
    }

    /** Every record and everything printed so far. */
    String all() {
        synchronized (streams) {
            return records() + streams.toString(StandardCharsets.UTF_8);
        }
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (streams) {
                    streams.write(b, off, len);
                }
            }
        };
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(rootLevel);
        System.setOut(out);
        System.setErr(err);
    }
}
