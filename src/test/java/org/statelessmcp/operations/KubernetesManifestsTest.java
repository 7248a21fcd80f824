package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests cannot be applied here: they are checked for what would break them in a cluster — every
 * object well formed, the selectors meeting the pods' labels, probes on the WAR's health endpoints and the named
 * ports, the data grid's DNS name naming the headless Service, every setting one the server reads.
 */
class KubernetesManifestsTest {

    private static final Path MANIFEST = Path.of("server-config/kubernetes/stateless-mcp.yaml");
    private static final List<Map<String, Object>> OBJECTS = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(MANIFEST)) {
            for (Object document : new Yaml().loadAll(in)) {
                OBJECTS.add((Map<String, Object>) document);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(step))
                    : ((Map<String, Object>) current).get(step);
            assertNotNull(current, "missing " + String.join(".", path));
        }
        return (T) current;
    }

    private static Map<String, Object> the(String kind, String name) {
        return OBJECTS.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(at(o, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> container() {
        return at(the("Deployment", "stateless-mcp"), "spec", "template", "spec", "containers", "0");
    }

    @Test
    void everyObjectHasAnApiVersionKindAndName() {
        assertEquals(List.of("ConfigMap", "Secret", "Deployment", "Service", "Service", "HorizontalPodAutoscaler",
                "PodDisruptionBudget"), OBJECTS.stream().map(o -> o.get("kind")).toList());
        for (Map<String, Object> object : OBJECTS) {
            assertTrue(object.get("apiVersion") instanceof String && object.get("kind") instanceof String,
                    object.toString());
            String name = at(object, "metadata", "name");
            assertTrue(name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), name);
        }
    }

    @Test
    void theWorkloadObjectsUseCurrentApis() {
        assertEquals("apps/v1", the("Deployment", "stateless-mcp").get("apiVersion"));
        assertEquals("autoscaling/v2", the("HorizontalPodAutoscaler", "stateless-mcp").get("apiVersion"));
        assertEquals("policy/v1", the("PodDisruptionBudget", "stateless-mcp").get("apiVersion"));
    }

    @Test
    void everySelectorMatchesThePodsLabels() {
        Map<String, Object> labels = at(the("Deployment", "stateless-mcp"), "spec", "template", "metadata", "labels");
        assertEquals(labels, at(the("Deployment", "stateless-mcp"), "spec", "selector", "matchLabels"));
        assertEquals(labels, at(the("Service", "stateless-mcp"), "spec", "selector"));
        assertEquals(labels, at(the("Service", "stateless-mcp-grid"), "spec", "selector"));
        assertEquals(labels, at(the("PodDisruptionBudget", "stateless-mcp"), "spec", "selector", "matchLabels"));
    }

    @Test
    void theAutoscalerScalesTheDeploymentAndKeepsEnoughForTheBudget() {
        Map<String, Object> hpa = the("HorizontalPodAutoscaler", "stateless-mcp");
        assertEquals("Deployment", at(hpa, "spec", "scaleTargetRef", "kind"));
        assertEquals("stateless-mcp", at(hpa, "spec", "scaleTargetRef", "name"));
        int min = at(hpa, "spec", "minReplicas");
        int unavailable = at(the("PodDisruptionBudget", "stateless-mcp"), "spec", "maxUnavailable");
        assertTrue(min > unavailable, "a voluntary disruption must leave a pod serving");
    }

    @Test
    void probesUseTheHealthEndpointsOnTheHttpPort() {
        Map<String, Object> container = container();
        assertEquals("/health/started", at(container, "startupProbe", "httpGet", "path"));
        assertEquals("/health/ready", at(container, "readinessProbe", "httpGet", "path"));
        assertEquals("/health/live", at(container, "livenessProbe", "httpGet", "path"));
        List<Map<String, Object>> ports = at(container, "ports");
        Set<String> named = Set.copyOf(ports.stream().map(port -> (String) port.get("name")).toList());
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertTrue(named.contains((String) at(container, probe, "httpGet", "port")), probe);
        }
        assertTrue(
                named.contains((String) at(the("Service", "stateless-mcp-grid"), "spec", "ports", "0", "targetPort")));
    }

    @Test
    void theDataGridFindsItsPeersThroughTheHeadlessService() {
        Map<String, Object> grid = the("Service", "stateless-mcp-grid");
        assertEquals("None", at(grid, "spec", "clusterIP"));
        assertEquals(Boolean.TRUE, at(grid, "spec", "publishNotReadyAddresses"));
        List<String> args = at(container(), "args");
        String mode = args.get(args.indexOf("--clustermode") + 1);
        Matcher dns = Pattern.compile("dns:([a-z0-9-]+)\\.\\$\\(POD_NAMESPACE\\)\\.svc\\.cluster\\.local:(\\d+)")
                .matcher(mode);
        assertTrue(dns.matches(), mode);
        assertEquals("stateless-mcp-grid", dns.group(1));
        assertEquals(Integer.parseInt(dns.group(2)), (int) at(grid, "spec", "ports", "0", "port"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySettingIsOneTheServerReads() throws IOException {
        String ours = Files.readString(Path.of("docs/configuration.md"));
        String telemetry = Files.readString(Path.of("docs/telemetry.md"));
        List<String> settings = new ArrayList<>();
        settings.addAll(((Map<String, Object>) at(the("ConfigMap", "stateless-mcp"), "data")).keySet());
        settings.addAll(((Map<String, Object>) at(the("Secret", "stateless-mcp"), "stringData")).keySet());
        for (String setting : settings) {
            // ours, or MicroProfile Telemetry's; documented in the page's table under this very name
            String page = setting.startsWith("SMCP_") ? ours : setting.startsWith("OTEL_") ? telemetry : null;
            assertTrue(page != null, setting + " is neither stateless-mcp's nor MicroProfile Telemetry's");
            assertTrue(page.contains("| `" + setting + "` |"), setting + " is not in its page's table");
        }
    }
}
