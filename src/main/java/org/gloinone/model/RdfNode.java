package org.gloinone.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A node of a parsed rdf.yaml that knows its dotted path and file, so that every error names both
 * ({@code models/detector/rdf.yaml: config.glo-in-one.detect.nms_iou must be a number, got 'high'}).
 */
final class RdfNode {
    private final JsonNode node;
    private final String path;
    private final String file;

    RdfNode(JsonNode node, String path, String file) {
        this.node = node;
        this.path = path;
        this.file = file;
    }

    String path() {
        return path;
    }

    String file() {
        return file;
    }

    /** An error about this node: "file: path problem". */
    ModelException error(String problem) {
        return new ModelException(file + ": " + (path.isEmpty() ? "" : path + " ") + problem);
    }

    private String childPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return node.isObject() && node.has(name) && !node.get(name).isNull();
    }

    RdfNode field(String name) throws ModelException {
        if (!node.isObject()) {
            throw error("must be a mapping, got " + describe(node));
        }
        if (!has(name)) {
            throw new ModelException(file + ": " + childPath(name) + " is missing");
        }
        return new RdfNode(node.get(name), childPath(name), file);
    }

    /** The keys of this mapping, in file order. */
    List<String> names() throws ModelException {
        if (!node.isObject()) {
            throw error("must be a mapping, got " + describe(node));
        }
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    Optional<RdfNode> optional(String name) throws ModelException {
        return has(name) ? Optional.of(field(name)) : Optional.empty();
    }

    boolean isMapping() {
        return node.isObject();
    }

    boolean isList() {
        return node.isArray();
    }

    boolean isNumber() {
        return node.isNumber();
    }

    String text() throws ModelException {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isNumber()) {
            return node.asText();
        }
        throw error("must be a string, got " + describe(node));
    }

    String nonBlankText() throws ModelException {
        String t = text();
        if (t.isBlank()) {
            throw error("must not be empty");
        }
        return t.trim();
    }

    double number() throws ModelException {
        if (!node.isNumber()) {
            throw error("must be a number, got " + describe(node));
        }
        double v = node.asDouble();
        if (!Double.isFinite(v)) {
            throw error("must be finite, got " + v);
        }
        return v;
    }

    int integer() throws ModelException {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error("must be an integer, got " + describe(node));
        }
        return node.asInt();
    }

    boolean bool() throws ModelException {
        if (!node.isBoolean()) {
            throw error("must be true or false, got " + describe(node));
        }
        return node.asBoolean();
    }

    List<RdfNode> list() throws ModelException {
        if (!node.isArray()) {
            throw error("must be a list, got " + describe(node));
        }
        List<RdfNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new RdfNode(node.get(i), path + "[" + i + "]", file));
        }
        return out;
    }

    List<String> textList() throws ModelException {
        List<String> out = new ArrayList<>();
        for (RdfNode n : list()) {
            out.add(n.nonBlankText());
        }
        return out;
    }

    /** One number, or a list of {@code count} numbers (per channel). */
    double[] numberOrList(int count) throws ModelException {
        double[] out = new double[count];
        if (node.isNumber()) {
            Arrays.fill(out, number());
            return out;
        }
        List<RdfNode> items = list();
        if (items.size() != count) {
            throw error("must hold " + count + " numbers (one per channel), got " + items.size());
        }
        for (int i = 0; i < count; i++) {
            out[i] = items.get(i).number();
        }
        return out;
    }

    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "'" + n.asText() + "'";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        return n.toString();
    }
}
