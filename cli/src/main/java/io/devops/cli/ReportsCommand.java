package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reports", description = "The report files a run collected from its nodes.",
        subcommands = ReportsCommand.Get.class, mixinStandardHelpOptions = true)
final class ReportsCommand {

    static final List<Column> COLUMNS = List.of(Column.of("NODE", "nodeId"), Column.of("IP", "ip"), Column.of("PATH", "path"),
            Column.of("BYTES", "sizeBytes"), Column.of("COLLECTED", "collectedAt"), Column.of("MISSING", "missing"),
            Column.of("WHY MISSING", "missingReason"));

    @Command(name = "get", description = {"List a run's reports (with their content in json/yaml), or save one with -O.",
            "A report that did not arrive is listed as missing, with the reason; saving it fails (exit 1)."},
            footerHeading = "%nExamples:%n",
            footer = {"  devopsctl reports get 42 --node 12", "  devopsctl reports get 42 --node 10.0.3.17 --path /tmp/nccl.md -O nccl-12.md",
                    "  devopsctl reports get 42 -o json > reports-42.json"})
    static final class Get extends ApiCommand {

        @Parameters(paramLabel = "RUN", description = "The run's id.")
        long run;

        @Option(names = "--node", paramLabel = "NODE", description = "Only this node's reports (id, IP or host name).")
        String node;

        @Option(names = "--path", paramLabel = "PATH", description = "Only the report collected from this path (or with this file name).")
        String path;

        @Option(names = {"-O", "--output-file"}, paramLabel = "FILE", description = "Save the one matching report's content to FILE.")
        Path file;

        @Override
        int run() throws IOException {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("nodeId", node == null ? null : Lookup.node(api(), node));
            JsonNode all = api().get("/api/v1/runs/" + run + "/reports", query);
            ArrayNode matching = Api.JSON.createArrayNode();
            all.forEach(report -> {
                if (path == null || path.equals(report.path("path").asText()) || Path.of(report.path("path").asText("/")).endsWith(path)) {
                    matching.add(report);
                }
            });
            if (file == null) {
                print(matching, COLUMNS);
                return ExitCodes.OK;
            }
            return save(matching);
        }

        private int save(ArrayNode matching) throws IOException {
            if (matching.size() != 1) {
                throw CliException.failed(matching.isEmpty() ? "no report of run " + run + " matches" + (node == null ? "" : " on node " + node)
                        + (path == null ? "" : " at " + path)
                        : matching.size() + " reports match: name one with --node and --path (see: devopsctl reports get " + run + ")");
            }
            JsonNode report = matching.get(0);
            if (report.path("missing").asBoolean()) {
                throw CliException.failed("the report " + report.path("path").asText() + " of node " + report.path("ip").asText()
                        + " did not arrive: " + report.path("missingReason").asText("no reason given"));
            }
            if (report.path("truncated").asBoolean() || report.path("content").isNull()) {
                throw CliException.failed("the report " + report.path("path").asText() + " of node " + report.path("ip").asText()
                        + " was too large to keep: the server has no content for it");
            }
            Files.writeString(file, report.path("content").asText(), StandardCharsets.UTF_8);
            err().println("saved " + report.path("path").asText() + " of " + report.path("ip").asText() + " to " + file);
            return ExitCodes.OK;
        }
    }
}
