package dev.pln.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the fixtures from the test class path ({@code fixtures/} is copied there by both modules).
 * Scenarios name a worked case as their {@code base} and list {@code changes} as JSON Pointer → value;
 * a null value removes the field, i.e. the caseworker did not record it.
 */
public final class Fixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {
    }

    /** The method's four worked cases, in case order. */
    public static List<Fixture> workedCases() {
        List<Fixture> cases = new ArrayList<>();
        for (Path file : files("fixtures/worked-cases")) {
            JsonNode node = read(file);
            cases.add(new Fixture(node.get("id").asString(), node.get("title").asString(), node.get("request"),
                    node.get("expected")));
        }
        return cases;
    }

    /** One worked case by id, e.g. {@code case-1-tao}. */
    public static Fixture workedCase(String id) {
        return workedCases().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no worked case " + id));
    }

    /** Every scenario of every suite in {@code fixtures/scenarios}, with its base case's changes applied. */
    public static List<Fixture> scenarios() {
        List<Fixture> scenarios = new ArrayList<>();
        for (Path file : files("fixtures/scenarios")) {
            for (JsonNode scenario : read(file).get("scenarios")) {
                ObjectNode request = (ObjectNode) workedCase(scenario.get("base").asString()).request().deepCopy();
                JsonNode changes = scenario.get("changes");
                if (changes != null) {
                    for (Map.Entry<String, JsonNode> change : changes.properties()) {
                        apply(request, change.getKey(), change.getValue());
                    }
                }
                scenarios.add(new Fixture(scenario.get("id").asString(), scenario.get("description").asString(),
                        request, scenario.get("expected")));
            }
        }
        return scenarios;
    }

    /** A copy of {@code request} with the value at {@code pointer} replaced (null removes it). */
    public static ObjectNode with(JsonNode request, String pointer, Object value) {
        ObjectNode copy = ((ObjectNode) request).deepCopy();
        apply(copy, pointer, JSON.valueToTree(value));
        return copy;
    }

    private static void apply(ObjectNode request, String pointer, JsonNode value) {
        String[] segments = pointer.substring(1).split("/");
        ObjectNode parent = request;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = parent.get(segments[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(segments[i]);
        }
        String last = segments[segments.length - 1];
        if (value == null || value.isNull()) {
            parent.remove(last);
        }
        else {
            parent.set(last, value);
        }
    }

    private static List<Path> files(String folder) {
        URL url = Fixtures.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException(folder + " is not on the test class path");
        }
        try (Stream<Path> paths = Files.list(Path.of(url.toURI()))) {
            return paths.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
