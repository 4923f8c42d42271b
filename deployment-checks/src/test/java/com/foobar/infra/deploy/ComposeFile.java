package com.foobar.infra.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docker-compose.yml} as compose reads it: merge keys resolved, environment files included. */
final class ComposeFile {

    private static final String IMAGES = "foobar/";

    private final Map<String, Map<String, Object>> services;

    private final Map<String, Object> document;

    @SuppressWarnings("unchecked")
    ComposeFile(String relative) {
        this.document = RepositoryFiles.yaml(relative);
        this.services = (Map<String, Map<String, Object>>) this.document.get("services");
    }

    Map<String, Map<String, Object>> services() {
        return this.services;
    }

    Map<String, Object> service(String name) {
        return this.services.get(name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> section(String name) {
        return (Map<String, Object>) this.document.get(name);
    }

    /** The project's service containers (those running one of its images, one-shot steps excepted), by name. */
    Map<String, String> serviceContainers() {
        Map<String, String> containers = new LinkedHashMap<>();
        this.services.forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            if (image.startsWith(IMAGES) && !service.containsKey("entrypoint")) {
                containers.put(name, image.substring(IMAGES.length(), image.indexOf(':')));
            }
        });
        return containers;
    }

    /** A container's variables: its {@code env_file}s in order, then its {@code environment}. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String name) {
        Map<String, Object> service = this.services.get(name);
        Map<String, String> variables = new LinkedHashMap<>();
        for (String file : (List<String>) service.getOrDefault("env_file", List.of())) {
            variables.putAll(RepositoryFiles.envFile(file));
        }
        ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
            .forEach((key, value) -> variables.put(key, String.valueOf(value)));
        return variables;
    }

    /** A container's volumes, in compose's long syntax (the only one this file uses). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> volumes(String name) {
        return (List<Map<String, Object>>) this.services.get(name).getOrDefault("volumes", List.of());
    }

    @SuppressWarnings("unchecked")
    List<String> list(String name, String key) {
        return (List<String>) this.services.get(name).getOrDefault(key, List.of());
    }

}
