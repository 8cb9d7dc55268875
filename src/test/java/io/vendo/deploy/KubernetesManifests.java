package io.vendo.deploy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rendered Kubernetes manifests, checked the way the API server checks them. Built-in kinds go through the Kubernetes
 * project's own Java models, generated from its OpenAPI document ({@code io.kubernetes:client-java-api}): a field the
 * API does not know, a required field that is missing, or a value of the wrong type is a problem. The ServiceMonitor
 * goes through its CRD's OpenAPI schema, made strict (unknown fields refused, as {@code kubectl apply}'s strict field
 * validation does).
 */
final class KubernetesManifests {

    /** The Kubernetes release whose API the models of client-java-api 24 describe; charts render for it. */
    static final String KUBERNETES_VERSION = "1.32.0";

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Service", V1Service.class,
            "v1/ServiceAccount", V1ServiceAccount.class,
            "apps/v1/Deployment", V1Deployment.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", V1Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class);

    private static final Map<String, String> CUSTOM_RESOURCE_SCHEMAS = Map.of(
            "monitoring.coreos.com/v1/ServiceMonitor", "/deploy/schemas/servicemonitor-monitoring.coreos.com-v1.json");

    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(OffsetDateTime.class, (JsonDeserializer<OffsetDateTime>)
                    (json, type, context) -> OffsetDateTime.parse(json.getAsString()))
            .create();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KubernetesManifests() {}

    /** The objects of a multi-document YAML stream (helm template's output), empty documents left out. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        var manifests = new ArrayList<Map<String, Object>>();
        for (var document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                manifests.add((Map<String, Object>) document);
            }
        }
        return manifests;
    }

    /** What the Kubernetes API would refuse in this object; empty when it is valid. */
    static List<String> problems(Map<String, Object> manifest) {
        var key = manifest.get("apiVersion") + "/" + manifest.get("kind");
        var name = key + " " + name(manifest);
        var model = MODELS.get(key);
        if (model != null) {
            return modelProblems(name, model, GSON.toJsonTree(manifest));
        }
        var schema = CUSTOM_RESOURCE_SCHEMAS.get(key);
        if (schema != null) {
            return customResourceProblems(name, schema, manifest);
        }
        return List.of(name + ": no schema for this apiVersion and kind");
    }

    @SuppressWarnings("unchecked")
    static String name(Map<String, Object> manifest) {
        return String.valueOf(((Map<String, Object>) manifest.getOrDefault("metadata", Map.of())).get("name"));
    }

    private static List<String> modelProblems(String name, Class<?> model, JsonElement json) {
        try {
            // Unknown and missing required fields, recursively, as the generated model knows them ...
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
            // ... and every value's type (an int that is a word, a quantity that is none).
            GSON.fromJson(json, model);
            return List.of();
        } catch (InvocationTargetException e) {
            return List.of(name + ": " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            return List.of(name + ": " + e.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no validateJsonElement", e);
        }
    }

    private static List<String> customResourceProblems(
            String name, String schemaResource, Map<String, Object> manifest) {
        var problems = new ArrayList<String>();
        var instance = JSON.valueToTree(manifest);
        for (var error : strictSchema(schemaResource).validate(instance)) {
            problems.add(name + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        // The CRD only says metadata is an object: check it as Kubernetes does.
        problems.addAll(
                modelProblems(name + " metadata", V1ObjectMeta.class, GSON.toJsonTree(manifest.get("metadata"))));
        return problems;
    }

    private static Schema strictSchema(String resource) {
        try (InputStream in = KubernetesManifests.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + resource);
            }
            var schema = JSON.readTree(in);
            refuseUnknownFields(schema);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects with declared properties take no others, unless they say they keep unknown fields. */
    private static void refuseUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties")
                    && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.values().forEach(KubernetesManifests::refuseUnknownFields);
        } else if (node != null && node.isArray()) {
            node.forEach(KubernetesManifests::refuseUnknownFields);
        }
    }
}
