package org.formhaus.onoffice;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops a JDK {@link HttpClient}'s own threads now, instead of whenever the garbage collector notices the client is
 * gone. That matters when a servlet container undeploys Formhaus: a selector thread left running keeps the web
 * application's class loader alive (Tomcat warns of a memory leak, and each redeploy leaks another copy).
 *
 * <p>On Java 21 and later the client has {@code shutdownNow()} and {@code awaitTermination(Duration)}. Java 17 has
 * neither, but its selector thread is named after the client's id ({@code HttpClient-<id>-SelectorManager}, the id
 * closes the client's {@code toString()}, as the JDK's own tests rely on) and ends, closing the client's connections
 * and its default executor, when interrupted. Stateless; call once per client, after its last request. Used by every
 * package that makes its own client (onOffice requests, webhooks).
 */
public final class HttpClientShutdown {

    private static final Pattern ID = Pattern.compile("\\((\\d+)\\)$");

    private HttpClientShutdown() {
    }

    /** Stops {@code client}'s threads, waiting up to {@code wait} for them to end. */
    public static void stop(HttpClient client, Duration wait) {
        if (stopOnJava21(client, wait)) {
            return;
        }
        Matcher id = ID.matcher(client.toString());
        if (!id.find()) {
            return; // an unknown implementation: its threads end when the client is collected
        }
        String prefix = "HttpClient-" + id.group(1) + "-";
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix)).toList();
        threads.stream().filter(t -> t.getName().endsWith("-SelectorManager")).forEach(Thread::interrupt);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (Thread thread : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean stopOnJava21(HttpClient client, Duration wait) {
        try {
            Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
            Method awaitTermination = HttpClient.class.getMethod("awaitTermination", Duration.class);
            shutdownNow.invoke(client);
            awaitTermination.invoke(client, wait);
            return true;
        } catch (ReflectiveOperationException e) {
            return false; // Java 17: no such methods
        }
    }
}
