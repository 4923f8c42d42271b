package com.foobar.infra.web.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The samples of one scrape in Prometheus' text exposition format (version 0.0.4, what {@code /actuator/prometheus}
 * answers for {@code text/plain}): each a metric name, its labels and its value.
 *
 * <p>Comment lines ({@code # HELP}, {@code # TYPE}) and blank lines are skipped; label values are unescaped
 * ({@code \\}, {@code \"}, {@code \n}); values include {@code NaN} and {@code +Inf}; a trailing timestamp is
 * ignored. A line that does not parse is skipped rather than failing the scrape, as one odd metric should not hide
 * a node's others.
 */
public record PrometheusText(List<Sample> samples) {

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Sample sample = new LineParser(line).sample();
                if (sample != null) {
                    samples.add(sample);
                }
            }
        }
        return new PrometheusText(List.copyOf(samples));
    }

    /** The sum of the values of every sample named {@code name} whose labels pass {@code labels}. */
    public double sum(String name, Predicate<Map<String, String>> labels) {
        return this.samples.stream()
            .filter((sample) -> sample.name().equals(name) && labels.test(sample.labels()))
            .mapToDouble(Sample::value)
            .sum();
    }

    public List<Sample> named(String name) {
        return this.samples.stream().filter((sample) -> sample.name().equals(name)).toList();
    }

    /** One sample: {@code name{labels} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Reads one sample line from left to right. */
    private static final class LineParser {

        private final String line;

        private int at;

        LineParser(String line) {
            this.line = line;
        }

        @Nullable Sample sample() {
            String name = name(true);
            if (name.isEmpty()) {
                return null;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (peek() == '{' && !labels(labels)) {
                return null;
            }
            skipSpaces();
            int start = this.at;
            while (this.at < this.line.length() && this.line.charAt(this.at) != ' ') {
                this.at++;
            }
            Double value = value(this.line.substring(start, this.at));
            return (value != null) ? new Sample(name, Map.copyOf(labels), value) : null;
        }

        private boolean labels(Map<String, String> labels) {
            this.at++;
            while (true) {
                skipSpaces();
                if (peek() == '}') {
                    this.at++;
                    return true;
                }
                String label = name(false);
                if (label.isEmpty() || peek() != '=') {
                    return false;
                }
                this.at++;
                String value = quoted();
                if (value == null) {
                    return false;
                }
                labels.put(label, value);
                skipSpaces();
                if (peek() == ',') {
                    this.at++;
                }
            }
        }

        private String name(boolean metric) {
            int start = this.at;
            while (this.at < this.line.length()) {
                char c = this.line.charAt(this.at);
                boolean letter = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (metric && c == ':');
                if (!letter && !(this.at > start && c >= '0' && c <= '9')) {
                    break;
                }
                this.at++;
            }
            return this.line.substring(start, this.at);
        }

        private @Nullable String quoted() {
            if (peek() != '"') {
                return null;
            }
            this.at++;
            StringBuilder value = new StringBuilder();
            while (this.at < this.line.length()) {
                char c = this.line.charAt(this.at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && this.at < this.line.length()) {
                    char escaped = this.line.charAt(this.at++);
                    value.append((escaped == 'n') ? '\n' : escaped);
                }
                else {
                    value.append(c);
                }
            }
            return null;
        }

        private static @Nullable Double value(String text) {
            return switch (text) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> {
                    try {
                        yield Double.valueOf(text);
                    }
                    catch (NumberFormatException ex) {
                        yield null;
                    }
                }
            };
        }

        private char peek() {
            return (this.at < this.line.length()) ? this.line.charAt(this.at) : '\0';
        }

        private void skipSpaces() {
            while (peek() == ' ' || peek() == '\t') {
                this.at++;
            }
        }

    }

}
