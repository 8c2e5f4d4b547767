package org.formhaus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 between Formhaus and a server (MariaDB), for tests of a network that blinks.
 * {@link #stall()} holds every byte in both directions and every new connection, as a stalled network or a
 * black-holed route does (nothing is refused, nothing arrives); {@link #resume()} lets them flow again.
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.to(3306)) {
 *     TestDatabase db = TestDatabase.mariaDb().through(proxy.port());
 *     proxy.stall();
 * }
 * }</pre>
 * {@link #roundRobin} spreads connections over several servers in turn, as a load balancer in front of several
 * Formhaus instances does ({@link #routed()} tells where each went). Thread-safe; close it after the test.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int[] targetPorts;
    private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Integer> routed = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean stalled;
    private volatile boolean closed;

    private TcpProxy(int... targetPorts) throws IOException {
        this.targetPorts = targetPorts.clone();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "tcp-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** A proxy to {@code port} on 127.0.0.1, listening on a free port of 127.0.0.1. */
    public static TcpProxy to(int port) throws IOException {
        return new TcpProxy(port);
    }

    /** A proxy that sends each new connection to the next of {@code ports} in turn. */
    public static TcpProxy roundRobin(int... ports) throws IOException {
        return new TcpProxy(ports);
    }

    /** The port each connection so far was sent to, in the order they came. */
    public List<Integer> routed() {
        return List.copyOf(routed);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on nothing passes, in either direction, on old and new connections alike. */
    public void stall() {
        stalled = true;
    }

    /** What was held passes, and everything after it. */
    public void resume() {
        synchronized (gate) {
            stalled = false;
            gate.notifyAll();
        }
    }

    private void awaitOpen() throws InterruptedException {
        synchronized (gate) {
            while (stalled && !closed) {
                gate.wait();
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                int target = targetPorts[turn.getAndIncrement() % targetPorts.length];
                routed.add(target);
                Thread connect = new Thread(() -> connect(client, target), "tcp-proxy-connect");
                connect.setDaemon(true);
                connect.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client, int targetPort) {
        try {
            awaitOpen(); // a black hole: the connection is accepted, the server never answers
            Socket server = new Socket();
            sockets.add(server);
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
            pump(client, server, "up");
            pump(server, client, "down");
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitOpen();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away: end both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        resume();
        listener.close();
        sockets.forEach(TcpProxy::closeQuietly);
    }
}
