package org.formhaus.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 load generator on plain sockets with keep-alive, run as its own process by {@link FormPageBench}
 * so that it does not share a JVM with the servers it measures.
 * <ul>
 *   <li>{@code max URL CONNECTIONS SECONDS}: closed loop, as fast as the server answers; prints {@code rps=...}.</li>
 *   <li>{@code rate URL RPS CONNECTIONS SECONDS}: open loop at a fixed rate; latency counts from when a request was
 *   due, not when it was sent (no coordinated omission); prints {@code rps=... p50=... p99=...} in ms.</li>
 * </ul>
 */
public final class LoadGenerator {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[1]);
        if (args[0].equals("max")) {
            System.out.println(max(uri, Integer.parseInt(args[2]), Integer.parseInt(args[3])));
        } else {
            System.out.println(rate(uri, Double.parseDouble(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4])));
        }
    }

    static String max(URI uri, int connections, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            threads.add(started(() -> {
                try (Connection conn = new Connection(uri)) {
                    while (System.nanoTime() < end) {
                        if (conn.get() == 200) done.incrementAndGet(); else errors.incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) t.join();
        return String.format("rps=%.0f errors=%d", done.get() / (double) seconds, errors.get());
    }

    static String rate(URI uri, double rps, int connections, int seconds) throws Exception {
        int total = (int) (rps * seconds);
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        long start = System.nanoTime() + 100_000_000L;
        double interval = 1_000_000_000.0 / rps;
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            threads.add(started(() -> {
                try (Connection conn = new Connection(uri)) {
                    for (int i = first; i < total; i += connections) {
                        long due = start + (long) (i * interval);
                        long wait = due - System.nanoTime();
                        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        if (conn.get() != 200) errors.incrementAndGet();
                        latencies[i] = System.nanoTime() - due;
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) t.join();
        long elapsed = System.nanoTime() - start;
        long[] measured = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        return String.format("rps=%.0f p50=%.2f p99=%.2f max=%.2f errors=%d", measured.length / (elapsed / 1e9),
                pct(measured, 0.50), pct(measured, 0.99), measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6,
                errors.get());
    }

    private static Thread started(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        return t;
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** One keep-alive connection: sends GETs, reads whole responses (Content-Length or chunked). */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] request;

        Connection(URI uri) throws IOException {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            request = ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUser-Agent: formhaus-bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        int get() throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) length = Long.parseLong(h.substring(15).trim());
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else {
                skip(length);
            }
            return code;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) throw new IOException("closed");
                    s = 1;
                }
                n -= s;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) throw new IOException("closed");
                if (b != '\r') sb.append((char) b);
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
