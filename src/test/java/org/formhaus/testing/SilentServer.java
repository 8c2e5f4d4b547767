package org.formhaus.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 that accepts every connection and never answers: an onOffice that hangs. Counts the
 * connections it took; {@link #close()} drops them all.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SilentServer(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = new Thread(this::acceptForever, "silent-server");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public static SilentServer start() throws IOException {
        return new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** An onOffice API address on this server. */
    public URI apiUri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api/stable/api.php");
    }

    /** How many connections were accepted (and left unanswered) so far. */
    public int accepted() {
        return accepted.size();
    }

    private void acceptForever() {
        while (!socket.isClosed()) {
            try {
                accepted.add(socket.accept()); // kept open, never read from or written to
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
