package com.foobar.infra.gateway.stats;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.foobar.infra.balancing.endpoint.BackendsEndpoint;
import com.foobar.infra.balancing.endpoint.BackendsEndpoint.BackendStats;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.web.util.HtmlUtils;
import org.springframework.stereotype.Component;

/**
 * The {@code stats} actuator endpoint: the {@link BackendsEndpoint backends} as an HTML page that refreshes itself
 * every two seconds, like HAProxy's stats page; on the management port only.
 */
@WebEndpoint(id = "stats")
@Component
public class StatsPageEndpoint {

    private static final String STYLE = """
            body{font:14px system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin-bottom:2em}
            th,td{padding:.35em .9em;border-bottom:1px solid #ddd;text-align:right}
            th:first-child,td:first-child,td.state{text-align:left}
            .UP{background:#d8f5d0}.DOWN{background:#f8c9c4}.EJECTED{background:#fde3b6}.DRAIN{background:#c9dcf8}
            """;

    private final BackendsEndpoint backends;

    private final String nodeName;

    public StatsPageEndpoint(BackendsEndpoint backends, @Value("${foobar.topology.node-name:gateway}") String nodeName) {
        this.backends = backends;
        this.nodeName = nodeName;
    }

    @ReadOperation(produces = "text/html;charset=UTF-8")
    public String page() {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\">")
            .append("<title>").append(escape(this.nodeName)).append(" stats</title><style>").append(STYLE)
            .append("</style></head><body><h1>").append(escape(this.nodeName)).append(" backends</h1>");
        for (Map.Entry<String, List<BackendStats>> group : this.backends.backends().entrySet()) {
            html.append("<h2>").append(escape(group.getKey())).append("</h2><table><tr><th>backend</th>")
                .append("<th>state</th><th>weight</th><th>in flight</th><th>req/s</th><th>requests</th>")
                .append("<th>errors</th><th>last check failure</th></tr>");
            for (BackendStats backend : group.getValue()) {
                html.append("<tr class=\"").append(backend.state()).append("\"><td>").append(escape(backend.name()))
                    .append("<br><small>").append(escape(backend.uri())).append("</small></td><td class=\"state\">")
                    .append(backend.state()).append(backend.backup() ? " (backup)" : "").append("</td><td>")
                    .append(backend.weight()).append("</td><td>")
                    .append(backend.inFlight()).append("</td><td>").append(backend.requestsPerSecond())
                    .append("</td><td>").append(backend.requests()).append("</td><td>").append(backend.errors())
                    .append("</td><td>").append(escape(Objects.toString(backend.lastCheckFailure(), ""))).append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
