package com.foobar.infra.launcher.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** The samples of one scrape in Prometheus' text format: each a metric name and its labels. */
public record PrometheusScrape(List<Sample> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+\\S+.*$");

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher((sample.group(2) != null) ? sample.group(2) : "");
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.add(new Sample(sample.group(1), labels));
            }
        }
        return new PrometheusScrape(List.copyOf(samples));
    }

    public boolean has(String name) {
        return this.samples.stream().anyMatch((sample) -> sample.name().equals(name));
    }

    /** Whether some sample of {@code name} carries every label of {@code labels} with that value ("*": any value). */
    public boolean has(String name, Map<String, String> labels) {
        return this.samples.stream()
            .filter((sample) -> sample.name().equals(name))
            .anyMatch((sample) -> labels.entrySet()
                .stream()
                .allMatch((label) -> matches(label.getValue(), sample.labels().get(label.getKey()))));
    }

    private static boolean matches(String expected, @Nullable String actual) {
        return actual != null && (expected.equals("*") || expected.equals(actual));
    }

    public record Sample(String name, Map<String, String> labels) {
    }

}
