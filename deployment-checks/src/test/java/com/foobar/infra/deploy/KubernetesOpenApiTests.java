package com.foobar.infra.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every object of a built-in kind in every rendered overlay, read by the official Kubernetes Java client's model of
 * the API, which is generated from the OpenAPI schema of Kubernetes 1.35: its {@code validateJsonElement} rejects
 * fields the schema does not have and required fields that are missing, as the API server's strict field validation
 * would.
 *
 * <p>A second, independent reading beside {@link StrictKubernetesParser} (fabric8's model), which also covers the
 * cert-manager and Prometheus Operator objects, its models being generated from those projects' CRDs. Where it
 * stops: neither checks formats, enums or cross-field rules, nor admission (Pod Security, quotas), nor what
 * {@code kubectl apply --dry-run=client} would add, which needs a server's discovery documents even to start.
 */
class KubernetesOpenApiTests {

    /** The API groups of Kubernetes itself; objects of other groups are custom resources. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "policy", "networking.k8s.io",
            "autoscaling", "batch", "rbac.authorization.k8s.io");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> overlays() throws Exception {
        return RenderedOverlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldMatchTheOpenApiSchemaOfKubernetes(String overlay) throws Exception {
        int validated = 0;
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
            .readValues(RenderedOverlay.render(overlay).yaml())) {
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                String apiVersion = object.path("apiVersion").asText();
                int slash = apiVersion.indexOf('/');
                if (BUILT_IN_GROUPS.contains((slash < 0) ? "" : apiVersion.substring(0, slash))) {
                    validate(object, apiVersion.substring(slash + 1), object.path("kind").asText());
                    validated++;
                }
            }
        }
        assertThat(validated).as("objects of built-in kinds in " + overlay).isGreaterThan(20);
    }

    private static void validate(JsonNode object, String version, String kind) throws Exception {
        String name = kind + "/" + object.path("metadata").path("name").asText();
        // The client's class for apps/v1 Deployment is V1Deployment, for autoscaling/v2 ... V2HorizontalPodAutoscaler.
        String model = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
                + version.substring(1) + kind;
        Method validate;
        try {
            validate = Class.forName(model).getMethod("validateJsonElement", JsonElement.class);
        }
        catch (ClassNotFoundException ex) {
            throw new AssertionError(name + ": not a kind of Kubernetes 1.35 (" + model + ")", ex);
        }
        try {
            validate.invoke(null, JsonParser.parseString(JSON.writeValueAsString(object)));
        }
        catch (InvocationTargetException ex) {
            fail(name + ": " + ex.getCause().getMessage().replaceAll(" JSON: .*", ""));
        }
    }

}
