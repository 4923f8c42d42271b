package com.foobar.infra.balancing.backend;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server run as its own OS process by {@link BackendProcess}: one backend of the gateway or web
 * server under test, that tests can slow down, break, make unready, or kill.
 *
 * <p>Raw sockets rather than the JDK's HTTP server, so that a test controls the connection itself: the keep-alive
 * timeout after which an idle connection is closed, and {@code /drop}, which reads a request and closes the connection
 * without answering. Paths: {@code /actuator/health/readiness} (200, or 503 when made unready), {@code POST /admin}
 * with {@code delay=ms}, {@code status=code}, {@code ready=true|false}, {@code GET /admin/count} (requests served
 * besides health and admin), {@code /drop}, and anything else: the backend's name after the delay, with the status
 * and {@code X-Served-By: <name>} (every answer also names a database node, {@code X-DB-Node: db-test}, and the
 * latter echo the request's {@code X-Forwarded-For} as {@code X-Echo-Forwarded-For}).
 */
public final class TestBackend {

    private final String name;

    private final int keepAliveMillis;

    private final AtomicInteger served = new AtomicInteger();

    private volatile int delayMillis;

    private volatile int status = 200;

    private volatile boolean ready = true;

    private TestBackend(String name, int keepAliveMillis) {
        this.name = name;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** Arguments: name, port (0 for any), keep-alive timeout in milliseconds. */
    public static void main(String[] args) throws IOException {
        TestBackend backend = new TestBackend(args[0], Integer.parseInt(args[2]));
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])), 200);
            System.out.println("LISTENING " + server.getLocalPort());
            System.out.flush();
            while (true) {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> backend.serve(socket));
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(this.keepAliveMillis);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = Request.read(in);
                if (request == null || !respond(request, out)) {
                    return;
                }
            }
        }
        catch (SocketTimeoutException ex) {
            // Idle past the keep-alive timeout: closing, as a real server does.
        }
        catch (IOException ex) {
            // The peer went away.
        }
    }

    private boolean respond(Request request, OutputStream out) throws IOException {
        String path = request.path();
        if (path.equals("/actuator/health/readiness")) {
            write(out, this.ready ? 200 : 503, this.ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}");
        }
        else if (path.equals("/admin/count")) {
            write(out, 200, Integer.toString(this.served.get()));
        }
        else if (path.equals("/admin")) {
            Map<String, String> query = request.query();
            this.delayMillis = Integer.parseInt(query.getOrDefault("delay", Integer.toString(this.delayMillis)));
            this.status = Integer.parseInt(query.getOrDefault("status", Integer.toString(this.status)));
            this.ready = Boolean.parseBoolean(query.getOrDefault("ready", Boolean.toString(this.ready)));
            write(out, 200, "ok");
        }
        else if (path.endsWith("/drop")) {
            this.served.incrementAndGet();
            return false;
        }
        else {
            this.served.incrementAndGet();
            pause(this.delayMillis);
            write(out, this.status, this.name, "X-Echo-Forwarded-For: " + request.forwardedFor() + "\r\n");
        }
        return true;
    }

    private void write(OutputStream out, int code, String body) throws IOException {
        write(out, code, body, "");
    }

    private void write(OutputStream out, int code, String body, String extraHeaders) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + code + " X\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
                + "\r\nX-Served-By: " + this.name + "\r\nX-DB-Node: db-test\r\n" + extraHeaders + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A request line with its target and the {@code X-Forwarded-For} it carried; the other headers are read to find
     * the body, which is read and dropped.
     */
    private record Request(String target, String forwardedFor) {

        static Request read(InputStream in) throws IOException {
            String line = line(in);
            if (line == null || line.isEmpty()) {
                return null;
            }
            long length = 0;
            boolean chunked = false;
            String forwardedFor = "-";
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                }
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
                else if (lower.startsWith("x-forwarded-for:")) {
                    forwardedFor = header.substring(16).trim();
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(in).trim(), 16); size > 0;
                        size = Long.parseLong(line(in).trim(), 16)) {
                    in.skipNBytes(size + 2);
                }
                line(in);
            }
            else {
                in.skipNBytes(length);
            }
            return new Request(line.split(" ")[1], forwardedFor);
        }

        String path() {
            int query = this.target.indexOf('?');
            return (query < 0) ? this.target : this.target.substring(0, query);
        }

        Map<String, String> query() {
            Map<String, String> values = new HashMap<>();
            int start = this.target.indexOf('?');
            if (start >= 0) {
                for (String pair : this.target.substring(start + 1).split("&")) {
                    String[] parts = pair.split("=", 2);
                    values.put(parts[0], (parts.length > 1) ? parts[1] : "");
                }
            }
            return values;
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    return bytes.toString(StandardCharsets.US_ASCII).stripTrailing();
                }
                bytes.write(b);
            }
            return (bytes.size() > 0) ? bytes.toString(StandardCharsets.US_ASCII) : null;
        }
    }
}
