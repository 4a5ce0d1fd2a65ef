package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "nodes", description = "List, show, lock, unlock and import nodes.",
        subcommands = {NodesCommand.ListNodes.class, NodesCommand.Show.class, NodesCommand.Lock.class, NodesCommand.Unlock.class,
                NodesCommand.Import.class},
        mixinStandardHelpOptions = true)
final class NodesCommand {

    static final List<Column> COLUMNS = List.of(Column.of("ID", "id"), Column.of("IP", "ip"), Column.of("HOSTNAME", "hostname"),
            Column.of("POOL", "nodePoolName"),
            new Column("GPU", node -> Output.text(node.path("gpuType"))
                    + (node.path("gpuCount").isNumber() ? " x" + node.path("gpuCount").asInt() : "")),
            Column.of("LIFECYCLE", "lifecycle"), Column.of("LOCKED", "locked"), Column.of("AGENT", "/agent/status"),
            new Column("LABELS", NodesCommand::labels));

    private static String labels(JsonNode node) {
        List<String> pairs = new ArrayList<>();
        node.path("labels").fields().forEachRemaining(label -> pairs.add(label.getKey() + "=" + label.getValue().asText()));
        return pairs.isEmpty() ? "-" : String.join(",", pairs);
    }

    @Command(name = "list", description = "List the nodes you can see, every page of them.",
            footerHeading = "%nExamples:%n",
            footer = {"  devopsctl nodes list", "  devopsctl nodes list --pool gpu_pool_a --label rack=r1 -o json",
                    "  devopsctl nodes list --state READY --no-locked -q 10.0.3."})
    static final class ListNodes extends ApiCommand {

        @Option(names = "--pool", paramLabel = "POOL", description = "Only this pool's nodes (id or name).")
        String pool;

        @Option(names = "--tenant", paramLabel = "ID", description = "Only this tenant's nodes.")
        Long tenant;

        @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Only nodes with this label (repeatable: all must match).")
        List<String> labels = new ArrayList<>();

        @Option(names = "--gpu-type", paramLabel = "TYPE", description = "Only nodes with this GPU type, e.g. H100.")
        String gpuType;

        @Option(names = "--locked", negatable = true, description = "Only locked nodes (--no-locked: only unlocked ones).")
        Boolean locked;

        @Option(names = "--online", negatable = true, description = "Only nodes whose agent is online (--no-online: offline or none).")
        Boolean online;

        @Option(names = "--state", paramLabel = "LIFECYCLE",
                description = "Only nodes in this lifecycle state (READY, DELIVERED, ...). The API has no such filter: the client"
                        + " filters the listed nodes.")
        String state;

        @Option(names = {"-q", "--query"}, paramLabel = "TEXT", description = "Search IP, host name and labels.")
        String query;

        @Option(names = "--sort", paramLabel = "FIELD,DIR", description = "Order, e.g. ip,asc (default id,asc).")
        String sort;

        @Override
        int run() {
            for (String label : labels) {
                if (!label.matches("[^=]+=.*")) {
                    throw CliException.usage("--label takes KEY=VALUE, not '" + label + "'");
                }
            }
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("poolId", pool == null ? null : Lookup.pool(api(), pool));
            filter.put("tenantId", tenant);
            filter.put("label", labels);
            filter.put("gpuType", gpuType);
            filter.put("locked", locked);
            filter.put("online", online);
            filter.put("q", query);
            filter.put("sort", sort);
            ArrayNode nodes = api().getAll("/api/v1/nodes", filter);
            if (state != null) {
                ArrayNode kept = Api.JSON.createArrayNode();
                nodes.forEach(node -> {
                    if (state.toUpperCase(Locale.ROOT).equals(node.path("lifecycle").asText())) {
                        kept.add(node);
                    }
                });
                nodes = kept;
            }
            print(nodes, COLUMNS);
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show one node: inventory, lock, lifecycle, acceptance, agent and facts.",
            footerHeading = "%nExamples:%n", footer = {"  devopsctl nodes show 12", "  devopsctl nodes show 10.0.3.17 -o yaml"})
    static final class Show extends ApiCommand {

        @Parameters(paramLabel = "NODE", description = "The node's id, IP address or host name.")
        String node;

        @Override
        int run() {
            print(api().get("/api/v1/nodes/" + Lookup.node(api(), node)), COLUMNS);
            return ExitCodes.OK;
        }
    }

    @Command(name = "lock", description = "Lock a node: no run starts on it until it is unlocked.",
            footerHeading = "%nExamples:%n", footer = "  devopsctl nodes lock 12 --reason \"GPU 3 fell off the bus, RMA pending\"")
    static final class Lock extends ApiCommand {

        @Parameters(paramLabel = "NODE", description = "The node's id, IP address or host name.")
        String node;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (shown to everyone who meets the lock).")
        String reason;

        @Override
        int run() {
            print(api().post("/api/v1/nodes/" + Lookup.node(api(), node) + "/lock", Map.of("reason", reason)), COLUMNS);
            return ExitCodes.OK;
        }
    }

    @Command(name = "unlock", description = "Unlock a node.",
            footerHeading = "%nExamples:%n", footer = "  devopsctl nodes unlock 12 --reason \"GPU replaced\"")
    static final class Unlock extends ApiCommand {

        @Parameters(paramLabel = "NODE", description = "The node's id, IP address or host name.")
        String node;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (optional, kept in the audit log).")
        String reason;

        @Override
        int run() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", reason);
            print(api().post("/api/v1/nodes/" + Lookup.node(api(), node) + "/unlock", body), COLUMNS);
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", description = {"Import nodes from a CSV file: all lines or none.",
            "The header names the columns: ip (required), hostname, sshPort, sshUser, nodeType, gpuType, gpuCount, nodePool,"
                    + " nodePoolId, labels (rack=r1;row=3), credentialId."},
            footerHeading = "%nExamples:%n",
            footer = {"  devopsctl nodes import new-racks.csv --pool gpu_pool_a",
                    "  devopsctl nodes import inventory.csv --update-existing -o json"})
    static final class Import extends ApiCommand {

        @Parameters(paramLabel = "FILE.csv", description = "The CSV file.")
        Path file;

        @Option(names = "--pool", paramLabel = "POOL",
                description = "Put every line's node in this pool (id or name); the file must then have no nodePool or nodePoolId column.")
        String pool;

        @Option(names = "--update-existing", description = "A line whose IP a node already has updates that node instead of failing.")
        boolean updateExisting;

        @Override
        int run() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw CliException.usage("no such file: " + file);
            }
            String csv = Files.readString(file, StandardCharsets.UTF_8);
            if (pool != null) {
                csv = NodeCsvPool.withPool(csv, Lookup.isId(pool) ? "nodePoolId" : "nodePool", pool);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("csv", csv);
            if (updateExisting) {
                body.put("updateExisting", true);
            }
            JsonNode answer = api().post("/api/v1/nodes/import", body);
            print(answer, List.of());
            return ExitCodes.OK;
        }
    }

    /** Adds a pool column to a node CSV, for {@code --pool}. */
    static final class NodeCsvPool {

        private NodeCsvPool() {
        }

        static String withPool(String csv, String column, String pool) {
            List<String> lines = csv.lines().toList();
            if (lines.isEmpty()) {
                throw CliException.usage("the CSV file is empty: its first line must name the columns, e.g. ip,hostname");
            }
            String header = lines.get(0);
            List<String> names = List.of(header.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "").split(","));
            if (names.contains("nodepool") || names.contains("nodepoolid")) {
                throw CliException.usage("the file names pools in its own column: leave out --pool, or drop the column");
            }
            String cell = "\"" + pool.replace("\"", "\"\"") + "\"";
            StringBuilder out = new StringBuilder(header).append(',').append(column).append('\n');
            lines.stream().skip(1).forEach(line -> out.append(line.isBlank() ? line : line + "," + cell).append('\n'));
            return out.toString();
        }
    }
}
