package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "catalog", description = "The catalog as code: export it to a folder, plan and apply a folder's changes.",
        subcommands = {CatalogCommand.Export.class, CatalogCommand.Import.class, CatalogCommand.Apply.class,
                CatalogSourcesCommand.class}, mixinStandardHelpOptions = true)
final class CatalogCommand {

    static final List<Column> PLAN = List.of(Column.of("KIND", "kind"), Column.of("NAME", "name"), Column.of("ACTION", "action"),
            Column.of("DETAIL", "detail"));

    @Command(name = "export", description = {"Write the catalog into a folder (made if missing): one file per object, as the server lays",
            "it out. Files of the same names are overwritten; other files in the folder are left alone."},
            footerHeading = "%nExamples:%n",
            footer = {"  devopsctl catalog export ./catalog && git -C ./catalog diff",
                    "  devopsctl catalog export ./catalog --include templates,jobs"})
    static final class Export extends ApiCommand {

        @Parameters(paramLabel = "DIR", description = "The folder to write into.")
        Path dir;

        @Option(names = "--include", paramLabel = "KINDS", description = "Only these kinds, comma-separated, e.g. templates,jobs.")
        String include;

        @Override
        int run() throws IOException {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("include", include);
            byte[] archive;
            try (InputStream in = api().download("/api/v1/catalog/export", query, "application/gzip, application/octet-stream")) {
                archive = in.readAllBytes();
            }
            int files = Tarball.unpack(archive, dir);
            ObjectNode summary = Api.JSON.createObjectNode();
            summary.put("dir", dir.toString());
            summary.put("files", files);
            print(summary, List.of());
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", description = {"Send a folder's catalog to the server. With --dry-run, only print the plan (CREATE,",
            "NEW_VERSION, UNCHANGED, CONFLICT per object); without it, the same as 'catalog apply'.",
            "Exit code: 1 when the plan has conflicts (nothing is applied then)."},
            footerHeading = "%nExamples:%n", footer = {"  devopsctl catalog import ./catalog --dry-run",
                    "  devopsctl catalog import ./catalog --dry-run -o json"})
    static final class Import extends ApiCommand {

        @Parameters(paramLabel = "DIR", description = "The folder, as 'catalog export' writes it.")
        Path dir;

        @Option(names = "--dry-run", description = "Print what would change; change nothing.")
        boolean dryRun;

        @Override
        int run() throws IOException {
            return send(this, dir, dryRun);
        }
    }

    @Command(name = "apply", description = {"Apply a folder's catalog: all of it, or nothing when the plan has a conflict",
            "(then the plan is printed and the exit code is 1)."},
            footerHeading = "%nExamples:%n", footer = {"  devopsctl catalog apply ./catalog",
                    "  devopsctl catalog import ./catalog --dry-run && \\",
                    "    devopsctl catalog apply ./catalog"})
    static final class Apply extends ApiCommand {

        @Parameters(paramLabel = "DIR", description = "The folder, as 'catalog export' writes it.")
        Path dir;

        @Override
        int run() throws IOException {
            return send(this, dir, false);
        }
    }

    static int send(ApiCommand command, Path dir, boolean dryRun) throws IOException {
        byte[] archive = Tarball.pack(dir);
        Map<String, Object> query = new LinkedHashMap<>();
        if (dryRun) {
            query.put("dryRun", true);
        }
        JsonNode answer;
        try {
            answer = command.api().postFile("/api/v1/catalog/import", query, "file", "catalog.tar.gz", archive);
        } catch (ApiException refused) {
            if (refused.status() != 409 || refused.body() == null || !refused.body().path("plan").isArray()) {
                throw refused;
            }
            printPlanOf(command, refused.body(), refused.body().path("plan"));
            command.err().println("error: " + refused.getMessage());
            return ExitCodes.FAILED;
        }
        if (printPlanOf(command, answer, answer.path("plan"))) {
            command.err().println("the plan has conflicts: " + (dryRun ? "applying it would change nothing" : "nothing was applied"));
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** Prints the plan and says whether it has a conflict. */
    static boolean printPlanOf(ApiCommand command, JsonNode answer, JsonNode plan) {
        command.print(command.format() == Format.TABLE ? plan : answer, PLAN);
        boolean conflicts = false;
        for (JsonNode step : plan) {
            conflicts |= "CONFLICT".equals(step.path("action").asText());
        }
        return conflicts;
    }
}
