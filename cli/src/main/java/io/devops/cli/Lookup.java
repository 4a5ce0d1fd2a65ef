package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns what a user typed (an id, a name, an IP) into the object's id, through the list calls. */
final class Lookup {

    private Lookup() {
    }

    static boolean isId(String text) {
        return text.matches("[0-9]{1,18}");
    }

    static long pool(Api api, String idOrName) {
        return isId(idOrName) ? Long.parseLong(idOrName) : byName(api, "/api/v1/node-pools", "pool", idOrName, "name");
    }

    static long job(Api api, String idOrName) {
        return isId(idOrName) ? Long.parseLong(idOrName) : byName(api, "/api/v1/jobs", "job", idOrName, "name");
    }

    /** A node by id, IP address or host name. */
    static long node(Api api, String idOrAddress) {
        if (isId(idOrAddress)) {
            return Long.parseLong(idOrAddress);
        }
        List<Long> matches = new ArrayList<>();
        api.getAll("/api/v1/nodes", Map.of("q", idOrAddress)).forEach(node -> {
            if (idOrAddress.equals(node.path("ip").asText()) || idOrAddress.equals(node.path("hostname").asText())) {
                matches.add(node.path("id").asLong());
            }
        });
        return one(matches, "node", idOrAddress);
    }

    private static long byName(Api api, String path, String kind, String name, String query) {
        List<Long> matches = new ArrayList<>();
        for (JsonNode item : api.getAll(path, Map.of(query, name))) {
            if (name.equals(item.path("name").asText())) {
                matches.add(item.path("id").asLong());
            }
        }
        return one(matches, kind, name);
    }

    private static long one(List<Long> matches, String kind, String name) {
        if (matches.isEmpty()) {
            throw CliException.failed("there is no " + kind + " '" + name + "' (or you may not see it)");
        }
        if (matches.size() > 1) {
            throw CliException.failed(matches.size() + " " + kind + "s are called '" + name + "' (ids " + matches + "): give the id");
        }
        return matches.get(0);
    }
}
