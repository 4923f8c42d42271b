package com.foobar.infra.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.foobar.infra.launcher.monitoring.PrometheusServer;
import com.foobar.infra.launcher.seed.SeedCommand;
import com.foobar.infra.launcher.state.TopologyState;
import com.foobar.infra.launcher.topology.TopologyPlan;

/**
 * {@code ./foobar up|down|status|seed}: the entry point of the launcher. Problems the user can fix are printed as one
 * clear message and a non-zero exit code (1 for a refused or failed command, 2 for a wrong command line).
 */
public final class FoobarCommandLine {

    private static final String USAGE = """
            usage: ./foobar up [--servers N] [--replicas M] [--port-offset K] [--monitoring]
                   ./foobar down
                   ./foobar status [--json]
                   ./foobar seed [--users N] [--posts M]
              --monitoring  also starts Prometheus (Debian's prometheus package) scraping every node
              seed          demo users demo-1..demo-N (password demo-password; existing ones kept) and M more
                            posts in the running topology (defaults: 20 users, 500 posts)
            """;

    private final PrintStream out;

    private final PrintStream err;

    FoobarCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new FoobarCommandLine(System.out, System.err).run(List.of(args)));
    }

    int run(List<String> args) {
        Invocation invocation;
        try {
            invocation = parse(args);
        }
        catch (IllegalArgumentException ex) {
            this.err.println("foobar: " + ex.getMessage());
            this.err.print(USAGE);
            return 2;
        }
        if (invocation.command().equals("help")) {
            this.out.print(USAGE);
            return 0;
        }
        // From here on the command line was right: whatever fails (a refused command, an unreadable file, a
        // hand-edited secret the database would not take) is reported as one line, never as a usage error.
        try {
            LocalTopology topology = new LocalTopology(invocation.root(), invocation.home(), this.out);
            return switch (invocation.command()) {
                case "up" -> up(topology, invocation);
                case "down" -> down(topology, prometheus(invocation));
                case "seed" -> new SeedCommand(invocation.root(), invocation.home(), topology, this.out)
                    .run(invocation.users(), invocation.posts());
                default -> status(topology, invocation.json());
            };
        }
        catch (RuntimeException ex) {
            this.err.println("foobar: " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getName()));
            return 1;
        }
    }

    /** Reads the command line; a wrong one throws {@link IllegalArgumentException} saying what is wrong. */
    private static Invocation parse(List<String> args) {
        Deque<String> words = new ArrayDeque<>(args);
        TopologyPlan defaults = TopologyPlan.seedsDefault();
        Path root = Path.of(System.getProperty("foobar.root", "."));
        Path home = null;
        String command = null;
        int servers = defaults.servers();
        int replicas = defaults.replicas();
        int portOffset = defaults.portOffset();
        boolean json = false;
        boolean monitoring = false;
        Integer users = null;
        Integer posts = null;
        while (!words.isEmpty()) {
            String word = words.pop();
            switch (word) {
                case "--root" -> root = Path.of(value(word, words));
                case "--home" -> home = Path.of(value(word, words));
                case "--servers" -> servers = number(word, words);
                case "--replicas" -> replicas = number(word, words);
                case "--port-offset" -> portOffset = number(word, words);
                case "--json" -> json = true;
                case "--monitoring" -> monitoring = true;
                case "--users" -> users = number(word, words);
                case "--posts" -> posts = number(word, words);
                case "up", "down", "status", "seed" -> command = word;
                case "-h", "--help", "help" -> {
                    return new Invocation("help", root, root, defaults, false, false, null, null);
                }
                default -> throw new IllegalArgumentException("unknown argument '" + word + "'");
            }
        }
        if (command == null) {
            throw new IllegalArgumentException("say up, down, status or seed");
        }
        return new Invocation(command, root, home != null ? home : root.resolve(".foobar"),
                new TopologyPlan(servers, replicas, portOffset), json, monitoring, users, posts);
    }

    private int up(LocalTopology topology, Invocation invocation) {
        TopologyPlan plan = invocation.plan();
        if (invocation.monitoring()) {
            PrometheusServer.checkCanStart(plan);
        }
        TopologyState state = topology.up(plan);
        if (invocation.monitoring()) {
            startPrometheus(topology, invocation);
        }
        Path ca = Path.of("").toAbsolutePath().relativize(topology.caCertificate());
        int port = plan.node("gateway-1").port("https");
        this.out.printf("""

                www.foobar.com is up: %s
                  trust the dev CA:  %s
                  try it:            curl --cacert %s --resolve www.foobar.com:%d:127.0.0.1 %sapi/posts
                  browse it:         add "127.0.0.1 www.foobar.com foobar.com" to /etc/hosts
                  see the nodes:     ./foobar status    stop them: ./foobar down
                """, state.url(), ca, ca, port, state.url());
        if (invocation.monitoring()) {
            this.out.printf("  Prometheus:        %s (rules and targets under Status; see docs/monitoring.md)%n",
                    PrometheusServer.url(plan));
        }
        return 0;
    }

    /** Starts Prometheus beside a running topology; if it cannot, stops the topology too, so nothing half runs. */
    private void startPrometheus(LocalTopology topology, Invocation invocation) {
        try {
            prometheus(invocation).start(invocation.plan());
        }
        catch (RuntimeException ex) {
            topology.down();
            throw ex;
        }
    }

    private int down(LocalTopology topology, PrometheusServer prometheus) {
        int stopped = topology.down();
        String andPrometheus = prometheus.stop() ? " and Prometheus" : "";
        this.out.println((stopped == 0 && andPrometheus.isEmpty()) ? "foobar: nothing was running"
                : "foobar: stopped " + stopped + " nodes" + andPrometheus);
        return 0;
    }

    private static PrometheusServer prometheus(Invocation invocation) {
        return new PrometheusServer(invocation.root(), invocation.home());
    }

    private int status(LocalTopology topology, boolean json) {
        Optional<TopologyStatus> status = topology.status();
        if (status.isEmpty()) {
            if (json) {
                this.out.println("{\"nodes\": [], \"url\": null}");
            }
            else {
                this.out.println("foobar: not running (start it with ./foobar up)");
            }
            return 3;
        }
        this.out.print(json ? status.get().toJson() + "\n" : status.get().toTable());
        return status.get().allHealthy() ? 0 : 1;
    }

    private static String value(String option, Deque<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return words.pop();
    }

    private static int number(String option, Deque<String> words) {
        String value = value(option, words);
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
        }
    }

    /**
     * What the command line asks for: {@code up}, {@code down}, {@code status}, {@code seed} or {@code help};
     * {@code users} and {@code posts} are the seed's counts, {@code null} when not given.
     */
    private record Invocation(String command, Path root, Path home, TopologyPlan plan, boolean json,
            boolean monitoring, @Nullable Integer users, @Nullable Integer posts) {
    }

}
