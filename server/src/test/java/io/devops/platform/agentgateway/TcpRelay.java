package io.devops.platform.agentgateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A loopback TCP relay in front of the test server that can cut the network and bring it back; or,
 * made with {@link #tls}, one that ends real TLS with a test certificate, as a reverse proxy would.
 */
final class TcpRelay implements AutoCloseable {

    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean up = true;
    private final ServerSocket listener;
    private final String scheme;

    TcpRelay(int target) throws IOException {
        this(target, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http");
    }

    /** HTTPS on 127.0.0.1 with the server certificate in {@code context}, plain HTTP to the test server. */
    static TcpRelay tls(int target, SSLContext context) throws IOException {
        return new TcpRelay(target, context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress()), "https");
    }

    private TcpRelay(int target, ServerSocket listener, String scheme) {
        this.target = target;
        this.listener = listener;
        this.scheme = scheme;
        Thread accept = new Thread(this::accept, "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    String url() {
        return scheme + "://127.0.0.1:" + listener.getLocalPort();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    void cut() {
        up = false;
        open.forEach(TcpRelay::closeQuietly);
        open.clear();
    }

    void restore() {
        up = true;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (!up) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // Closed, or the server side refused: the agent sees a network error, as intended.
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // One side closed.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
