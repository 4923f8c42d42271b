package com.foobar.infra.balancing.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.foobar.infra.balancing.balancer.LoadBalancer;
import org.jspecify.annotations.Nullable;

/**
 * A named group of backends with its balancing algorithm and rules: what one {@code lb://<name>} route sends to.
 *
 * <p>Requests go to the primary backends in rotation; the backups (a {@code backup} server, or every server but the
 * group's {@code preferred} one) take them only while no primary is in rotation or left untried, as nginx's
 * {@code backup}. Passive ejection never takes out more than the group's cap, and below its panic threshold ejected
 * backends are candidates again (Envoy's outlier detection). Immutable apart from the backends' own state; a configuration reload replaces the group as a whole.
 */
public final class BackendGroup {

    private final String name;

    private final BackendGroupProperties properties;

    private final List<Backend> backends;

    private final List<Backend> primaries;

    private final List<Backend> backups;

    private final LoadBalancer loadBalancer;

    private final Map<String, Backend> byStickyToken = new HashMap<>();

    private final Map<Backend, String> stickyTokens = new IdentityHashMap<>();

    BackendGroup(String name, BackendGroupProperties properties, List<Backend> backends) {
        this.name = name;
        this.properties = properties;
        this.backends = List.copyOf(backends);
        List<Backend> primary = this.backends.stream().filter((backend) -> !isBackup(backend)).toList();
        // A group of backups only has no primary to wait for: all of them share the requests.
        this.primaries = primary.isEmpty() ? this.backends : primary;
        this.backups = primary.isEmpty() ? List.of() : this.backends.stream().filter(this::isBackup).toList();
        this.loadBalancer = properties.algorithm().create(this.backends);
        for (Backend backend : this.backends) {
            String token = token(name, backend);
            this.stickyTokens.put(backend, token);
            this.byStickyToken.put(token, backend);
        }
    }

    public String name() {
        return this.name;
    }

    public BackendGroupProperties properties() {
        return this.properties;
    }

    public List<Backend> backends() {
        return this.backends;
    }

    /** Whether the backend takes requests only while no primary backend of this group can. */
    public boolean isBackup(Backend backend) {
        return this.properties.isBackup(backend.server());
    }

    /**
     * Chooses the backend for a request: the one its sticky cookie names when that one is a candidate, otherwise
     * the algorithm's pick among the backends in rotation that the request has not tried: the primaries, or the
     * backups when no primary is left.
     *
     * @param clientAddress the client's IP address
     * @param stickyToken the value of the group's sticky cookie on the request, if any
     * @param tried backends this request was already sent to
     * @return the backend, or {@code null} when no backend can take the request
     */
    public @Nullable Backend choose(String clientAddress, @Nullable String stickyToken, Collection<Backend> tried) {
        List<Backend> candidates = candidates(tried);
        if (candidates.isEmpty()) {
            return null;
        }
        Backend pinned = (stickyToken != null) ? this.byStickyToken.get(stickyToken) : null;
        if (pinned != null && candidates.contains(pinned)) {
            return pinned;
        }
        return this.loadBalancer.choose(candidates, clientAddress);
    }

    /**
     * The sticky cookie value that pins a client to a backend: opaque, so the cookie does not name internal hosts.
     */
    public String stickyToken(Backend backend) {
        return this.stickyTokens.get(backend);
    }

    private static String token(String group, Backend backend) {
        long hash = 0;
        for (char c : (group + "/" + backend.name()).toCharArray()) {
            hash = hash * 1_000_003L + c;
        }
        return HexFormat.of().toHexDigits(hash);
    }

    /**
     * Ejects a backend of this group for its cool-down unless that would eject more than the group's cap.
     *
     * @return whether it was ejected
     */
    synchronized boolean eject(Backend backend) {
        BackendGroupProperties.Ejection ejection = this.properties.ejection();
        int ejected = 0;
        for (Backend other : this.backends) {
            if (other != backend && other.isEjected()) {
                ejected++;
            }
        }
        if (ejected >= ejection.maxEjected(this.backends.size())) {
            return false;
        }
        backend.eject(ejection.coolDown());
        return true;
    }

    /** Whether so few backends are in rotation that ejected ones take requests again. */
    public boolean isInPanic() {
        int available = 0;
        for (Backend backend : this.backends) {
            if (backend.isAvailable()) {
                available++;
            }
        }
        return this.properties.ejection().panics(available, this.backends.size());
    }

    // Runs for every request: the common case (first try, every primary in rotation) allocates nothing.
    private List<Backend> candidates(Collection<Backend> tried) {
        if (tried.isEmpty() && allAvailable(this.primaries)) {
            return this.primaries;
        }
        boolean panic = isInPanic();
        List<Backend> candidates = available(this.primaries, tried, panic);
        return candidates.isEmpty() ? available(this.backups, tried, panic) : candidates;
    }

    private static List<Backend> available(List<Backend> backends, Collection<Backend> tried, boolean panic) {
        List<Backend> candidates = new ArrayList<>(backends.size());
        for (Backend backend : backends) {
            boolean inRotation = panic ? backend.isAvailableIgnoringEjection() : backend.isAvailable();
            if (inRotation && !tried.contains(backend)) {
                candidates.add(backend);
            }
        }
        return candidates;
    }

    private static boolean allAvailable(List<Backend> backends) {
        for (Backend backend : backends) {
            if (!backend.isAvailable()) {
                return false;
            }
        }
        return true;
    }
}
