package com.foobar.infra.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;

/**
 * Parses Kubernetes objects into fabric8's model of the API and rejects what the API server would not accept as
 * written: a kind the model does not know, and any field the model does not know.
 *
 * <p>The model keeps unknown fields in each object's {@code additionalProperties} instead of failing (so that it can
 * read newer servers' objects), so this parser walks every parsed object and fails on any non-empty one, naming its
 * path.
 */
final class StrictKubernetesParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StrictKubernetesParser() {
    }

    static List<HasMetadata> parseAll(String yaml) throws Exception {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<KubernetesResource> documents = YAML.readerFor(KubernetesResource.class)
            .readValues(yaml)) {
            while (documents.hasNext()) {
                KubernetesResource object = documents.next();
                if (!(object instanceof HasMetadata named) || object instanceof GenericKubernetesResource) {
                    throw new IllegalArgumentException("Not a kind of the Kubernetes API model: " + object);
                }
                rejectUnknownFields(object, named.getKind() + "/" + named.getMetadata().getName());
                objects.add(named);
            }
        }
        return objects;
    }

    private static void rejectUnknownFields(Object value, String path) throws IllegalAccessException {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                rejectUnknownFields(item, path + "[" + i++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                rejectUnknownFields(entry.getValue(), path + "." + entry.getKey());
            }
            return;
        }
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue = field.get(value);
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> unknown
                        && !unknown.isEmpty()) {
                    throw new IllegalArgumentException("Unknown field(s) " + unknown.keySet() + " at " + path);
                }
                rejectUnknownFields(fieldValue, path + "." + field.getName());
            }
        }
    }

}
