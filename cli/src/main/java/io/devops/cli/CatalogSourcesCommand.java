package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sources", description = "Git repositories the catalog is synced from: list, add, sync (see the plan), apply, remove.",
        subcommands = {CatalogSourcesCommand.ListSources.class, CatalogSourcesCommand.Add.class, CatalogSourcesCommand.Sync.class,
                CatalogSourcesCommand.ApplyCommit.class, CatalogSourcesCommand.Remove.class}, mixinStandardHelpOptions = true)
final class CatalogSourcesCommand {

    static final String PATH = "/api/v1/catalog/git-sources";
    static final List<Column> COLUMNS = List.of(Column.of("ID", "id"), Column.of("URL", "url"), Column.of("REF", "refName"),
            Column.of("PATH", "path"), Column.of("CREDENTIAL", "credential"), Column.of("LAST COMMIT", "lastCommit"),
            Column.of("WAITING", "pendingCommit"), Column.of("SCHEDULE", "schedule"));

    @Command(name = "list", description = "List the Git sources.",
            footerHeading = "%nExamples:%n", footer = {"  devopsctl catalog sources list", "  devopsctl catalog sources list -o json"})
    static final class ListSources extends ApiCommand {

        @Override
        int run() {
            print(api().get(PATH), COLUMNS);
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", description = {"Register a Git source (ADMIN): a repository, a branch or a tag, the folder of the tree.",
            "ssh:// repositories need --credential, the name of a stored SSH credential."},
            footerHeading = "%nExamples:%n", footer = {"  devopsctl catalog sources add https://git.example.com/ops/catalog.git --branch main",
                    "  devopsctl catalog sources add ssh://git@git.example.com/ops/catalog.git --branch main \\",
                    "    --path catalog --credential git-deploy --schedule '0 3 * * *'"})
    static final class Add extends ApiCommand {

        @Parameters(paramLabel = "URL", description = "https://, file:// or (with --credential) ssh:// repository URL.")
        String url;

        @ArgGroup(multiplicity = "1")
        Ref ref;

        @Option(names = "--path", paramLabel = "DIR", description = "The folder of the tree inside the repository (its root when left out).")
        String path;

        @Option(names = "--credential", paramLabel = "NAME", description = "The SSH credential to fetch an ssh:// repository with.")
        String credential;

        @Option(names = "--schedule", paramLabel = "CRON", description = "Sync by itself: a 5-field cron expression, in UTC.")
        String schedule;

        @Option(names = "--auto-apply", description = "Apply a scheduled sync's plan when it has no conflict.")
        boolean autoApply;

        static final class Ref {
            @Option(names = "--branch", required = true, paramLabel = "NAME", description = "The branch to follow.")
            String branch;

            @Option(names = "--tag", required = true, paramLabel = "NAME", description = "The tag to read.")
            String tag;
        }

        @Override
        int run() {
            ObjectNode body = Api.JSON.createObjectNode().put("url", url).put("branch", ref.branch).put("tag", ref.tag)
                    .put("path", path).put("credential", credential).put("schedule", schedule).put("autoApply", autoApply);
            print(api().post(PATH, body), COLUMNS);
            return ExitCodes.OK;
        }
    }

    @Command(name = "sync", description = {"Fetch the source's branch (tag) and print the plan of its commit; nothing changes.",
            "Exit code: 1 when the plan has conflicts."},
            footerHeading = "%nExamples:%n", footer = {"  devopsctl catalog sources sync 1",
                    "  devopsctl catalog sources sync 1 -o json | jq -r .commit"})
    static final class Sync extends ApiCommand {

        @Parameters(paramLabel = "ID", description = "The source's id.")
        long id;

        @Override
        int run() {
            return printSynced(this, api().post(PATH + "/" + id + "/sync", Map.of()), "planned");
        }
    }

    @Command(name = "apply", description = {"Apply the plan of COMMIT, the commit 'sync' printed: refused (exit code 1) when the",
            "branch has moved since, or when the plan has conflicts (nothing is applied then)."},
            footerHeading = "%nExamples:%n", footer = {"  devopsctl catalog sources apply 1 3f2c9e1d0b7a...",
                    "  devopsctl catalog sources apply 1 \"$(devopsctl catalog sources sync 1 -o json | jq -r .commit)\""})
    static final class ApplyCommit extends ApiCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "The source's id.")
        long id;

        @Parameters(index = "1", paramLabel = "COMMIT", description = "The commit whose plan you approved.")
        String commit;

        @Override
        int run() {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("apply", true);
            query.put("commit", commit);
            try {
                return printSynced(this, api().post(PATH + "/" + id + "/sync", query, Map.of()), "applied");
            } catch (ApiException refused) {
                JsonNode body = refused.body();
                if (refused.status() != 409 || body == null || !body.path("result").path("plan").isArray()) {
                    throw refused;
                }
                CatalogCommand.printPlanOf(this, body, body.path("result").path("plan"));
                err().println("the plan has conflicts: nothing was applied");
                return ExitCodes.FAILED;
            }
        }
    }

    @Command(name = "remove", description = {"Remove a Git source (ADMIN). The versions it imported stay, with their commit ids."},
            footerHeading = "%nExamples:%n", footer = {"  devopsctl catalog sources remove 1"})
    static final class Remove extends ApiCommand {

        @Parameters(paramLabel = "ID", description = "The source's id.")
        long id;

        @Override
        int run() {
            api().delete(PATH + "/" + id);
            ObjectNode summary = Api.JSON.createObjectNode().put("id", id).put("removed", true);
            print(summary, List.of(Column.of("ID", "id"), Column.of("REMOVED", "removed")));
            return ExitCodes.OK;
        }
    }

    /** A sync's answer: the commit (on stderr for a table, in the document otherwise) and its plan. */
    private static int printSynced(ApiCommand command, JsonNode synced, String what) {
        if (command.format() == Format.TABLE) {
            command.err().println("source " + synced.path("sourceId").asText() + ": commit " + synced.path("commit").asText() + " " + what);
        }
        boolean conflicts = CatalogCommand.printPlanOf(command, synced, synced.path("result").path("plan"));
        if (conflicts) {
            command.err().println("the plan has conflicts: nothing " + (what.equals("applied") ? "was" : "would be") + " applied");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
