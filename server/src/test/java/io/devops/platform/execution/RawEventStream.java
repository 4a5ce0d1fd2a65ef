package io.devops.platform.execution;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request for a run's events on a plain socket, read only when the test says so: a
 * client that stops reading is one that never calls {@link #readEvents} (with a small receive
 * buffer, so that the server's writes back up soon). {@code Connection: close} makes the end of
 * the response the end of the socket.
 */
final class RawEventStream implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private InputStream body;

    private RawEventStream(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends the request; {@code receiveBuffer} 0 leaves the system's default. */
    static RawEventStream open(int port, String path, String authorization, int receiveBuffer, Map<String, String> extra)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer); // before connecting: it sets the TCP window offered
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n")
                .append("Authorization: ").append(authorization).append("\r\n")
                .append("Accept: text/event-stream\r\nConnection: close\r\n");
        extra.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new RawEventStream(socket);
    }

    /** The status code, reading the head of the response within {@code timeout}. */
    int status(Duration timeout) throws IOException {
        if (body == null) {
            socket.setSoTimeout((int) timeout.toMillis());
            status = Integer.parseInt(line(in).split(" ")[1]);
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Chunked(in) : in;
        }
        return status;
    }

    String header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** The whole body, up to the end of the response. */
    String body(Duration timeout) throws IOException {
        status(timeout);
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Reads events (name and id, the data skipped) within {@code timeout} of silence each, until
     * {@code max} events or the end of the response.
     */
    List<Event> readEvents(int max, Duration timeout) throws IOException {
        status(timeout);
        List<Event> events = new ArrayList<>();
        String name = null;
        String id = null;
        while (events.size() < max) {
            String line = line(body);
            if (line == null) {
                break;
            }
            if (line.startsWith("event:")) {
                name = line.substring(6);
            } else if (line.startsWith("id:")) {
                id = line.substring(3);
            } else if (line.isEmpty() && name != null) {
                events.add(new Event(name, id == null ? null : Long.parseLong(id)));
                name = null;
                id = null;
            }
        }
        return events;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A line without its end, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    record Event(String name, Long id) {
    }

    /** The body of a chunked response: chunks of "size in hex CRLF data CRLF", ended by a chunk of size 0. */
    private static final class Chunked extends InputStream {

        private final InputStream in;
        private long left;
        private boolean ended;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size != null && size.isEmpty()) {
                    size = line(in); // the CRLF after the previous chunk's data
                }
                left = size == null ? 0 : Long.parseLong(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    ended = true;
                    return -1;
                }
            }
            int b = in.read();
            if (b < 0) {
                ended = true;
                return -1;
            }
            left--;
            return b;
        }
    }
}
