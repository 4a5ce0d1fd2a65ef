package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.ToLongFunction;

/** The body of {@code POST /api/v1/jobs/{id}/runs} from the command line's options. */
final class StartBody {

    private StartBody() {
    }

    static ObjectNode of(Integer version, ObjectNode limit, ObjectNode exclude, ObjectNode extraVars, boolean check, Integer batchSize,
                         boolean skipLocked) {
        ObjectNode body = Api.JSON.createObjectNode();
        if (version != null) {
            body.put("version", version);
        }
        if (limit != null) {
            body.set("limit", limit);
        }
        if (exclude != null) {
            body.set("exclude", exclude);
        }
        if (extraVars != null) {
            body.set("extraVars", extraVars);
        }
        if (check) {
            body.put("checkMode", true);
        }
        if (batchSize != null) {
            body.put("batchSize", batchSize);
        }
        if (skipLocked) {
            body.put("skipLocked", true);
        }
        return body;
    }

    /**
     * {@code {"nodeIds","poolIds","labels"}} from selectors {@code node:ID|IP|HOSTNAME}, {@code pool:ID|NAME},
     * {@code label:KEY=VALUE} or a bare node id, IP or host name; null when there are none.
     */
    static ObjectNode selector(List<String> selectors, String option, ToLongFunction<String> poolByName,
                               ToLongFunction<String> nodeByAddress) {
        if (selectors.isEmpty()) {
            return null;
        }
        ObjectNode selector = Api.JSON.createObjectNode();
        ArrayNode nodeIds = selector.putArray("nodeIds");
        ArrayNode poolIds = selector.putArray("poolIds");
        ObjectNode labels = selector.putObject("labels");
        for (String text : selectors) {
            int colon = text.indexOf(':');
            String kind = colon < 0 ? "node" : text.substring(0, colon);
            String value = colon < 0 ? text : text.substring(colon + 1);
            if (value.isEmpty()) {
                throw CliException.usage(option + " " + text + ": nothing after '" + kind + ":'");
            }
            switch (kind) {
                case "node" -> nodeIds.add(Lookup.isId(value) ? Long.parseLong(value) : nodeByAddress.applyAsLong(value));
                case "pool" -> poolIds.add(Lookup.isId(value) ? Long.parseLong(value) : poolByName.applyAsLong(value));
                case "label" -> {
                    int equals = value.indexOf('=');
                    if (equals < 1) {
                        throw CliException.usage(option + " " + text + ": write a label as label:KEY=VALUE");
                    }
                    labels.put(value.substring(0, equals), value.substring(equals + 1));
                }
                default -> throw CliException.usage(option + " " + text
                        + ": use node:ID|IP|HOSTNAME, pool:ID|NAME, label:KEY=VALUE, or a node's id, IP or host name");
            }
        }
        return selector;
    }

    /** {@code NAME=TEXT} (a string) or {@code NAME:=JSON} (any JSON value) per variable; null when there are none. */
    static ObjectNode vars(List<String> vars) {
        if (vars.isEmpty()) {
            return null;
        }
        ObjectNode extra = Api.JSON.createObjectNode();
        for (String text : vars) {
            int equals = text.indexOf('=');
            if (equals < 1) {
                throw CliException.usage("--var " + text + ": write NAME=VALUE, or NAME:=JSON");
            }
            boolean json = text.charAt(equals - 1) == ':';
            String name = text.substring(0, json ? equals - 1 : equals);
            String value = text.substring(equals + 1);
            if (name.isEmpty()) {
                throw CliException.usage("--var " + text + ": the variable has no name");
            }
            extra.set(name, json ? parse(name, value) : extra.textNode(value));
        }
        return extra;
    }

    private static JsonNode parse(String name, String value) {
        try {
            JsonNode parsed = Api.JSON.readTree(value);
            if (parsed == null || parsed.isMissingNode()) {
                throw CliException.usage("--var " + name + ":= has no value: write NAME:=JSON, e.g. count:=4");
            }
            return parsed;
        } catch (IOException e) {
            // The value may be a secret: the message names the variable only.
            throw CliException.usage("--var " + name + ":= is not valid JSON");
        }
    }
}
