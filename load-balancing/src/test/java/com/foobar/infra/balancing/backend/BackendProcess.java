package com.foobar.infra.balancing.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A {@link TestBackend} running as a separate OS process on 127.0.0.1, which a test can kill with {@code SIGKILL}
 * and start again on the same port.
 */
public final class BackendProcess implements AutoCloseable {

    private static final HttpClient admin = HttpClient.newHttpClient();

    private static final Set<Process> running = ConcurrentHashMap.newKeySet();

    static {
        // A test JVM that ends early (a failed assumption, Ctrl-C) leaves no backend behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(Process::destroyForcibly)));
    }

    private final String name;

    private final Duration keepAlive;

    private Process process;

    private int port;

    private BackendProcess(String name, Duration keepAlive) {
        this.name = name;
        this.keepAlive = keepAlive;
    }

    /** Starts a backend with a 60 s keep-alive timeout on any free port. */
    public static BackendProcess start(String name) {
        return start(name, Duration.ofSeconds(60));
    }

    public static BackendProcess start(String name, Duration keepAlive) {
        BackendProcess backend = new BackendProcess(name, keepAlive);
        backend.launch(0);
        return backend;
    }

    /** Starts several backends at once, named {@code prefix-1} and on. */
    public static List<BackendProcess> startAll(String prefix, int count) {
        List<CompletableFuture<BackendProcess>> starting = IntStream.rangeClosed(1, count)
            .mapToObj((i) -> CompletableFuture.supplyAsync(() -> start(prefix + "-" + i)))
            .toList();
        return starting.stream().map(CompletableFuture::join).toList();
    }

    public String name() {
        return this.name;
    }

    public int port() {
        return this.port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + this.port);
    }

    public URI healthUri() {
        return URI.create(uri() + "/actuator/health/readiness");
    }

    public long pid() {
        return this.process.pid();
    }

    /** Kills the process with {@code SIGKILL}, as {@code kill -9} does, and waits until it is gone. */
    public void kill() {
        this.process.destroyForcibly();
        running.remove(this.process);
        try {
            this.process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process is running: not killed, or started again since. */
    public boolean isAlive() {
        return this.process.isAlive();
    }

    /** Starts the backend again on the port it had. */
    public void restart() {
        launch(this.port);
    }

    /** Changes the backend's behaviour: {@code delay=300}, {@code status=500}, {@code ready=false}. */
    public void set(String query) {
        call(HttpRequest.newBuilder(URI.create(uri() + "/admin?" + query)).POST(BodyPublishers.noBody()).build());
    }

    /** Requests served besides health checks and admin calls. */
    public int served() {
        return Integer.parseInt(call(HttpRequest.newBuilder(URI.create(uri() + "/admin/count")).build()));
    }

    @Override
    public void close() {
        kill();
    }

    private String call(HttpRequest request) {
        try {
            return admin.send(request, BodyHandlers.ofString()).body();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private void launch(int requestedPort) {
        try {
            Path classes = Path.of(TestBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            this.process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx64m", "-cp", classes.toString(),
                    TestBackend.class.getName(), this.name, Integer.toString(requestedPort),
                    Long.toString(this.keepAlive.toMillis()))
                .redirectErrorStream(true)
                .start();
            running.add(this.process);
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(this.process.getInputStream(), StandardCharsets.US_ASCII));
            String line = out.readLine();
            if (line == null || !line.startsWith("LISTENING ")) {
                this.process.destroyForcibly();
                throw new IllegalStateException("Backend " + this.name + " did not start: " + line);
            }
            this.port = Integer.parseInt(line.substring("LISTENING ".length()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
