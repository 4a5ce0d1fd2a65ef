package io.devops.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pools", description = "List and show node pools.",
        subcommands = {PoolsCommand.ListPools.class, PoolsCommand.Show.class}, mixinStandardHelpOptions = true)
final class PoolsCommand {

    static final List<Column> COLUMNS = List.of(Column.of("ID", "id"), Column.of("NAME", "name"), Column.of("TENANT", "tenantName"),
            Column.of("NODES", "nodeCount"), Column.of("LOCKED", "locked"), Column.of("SPARE", "spare"),
            Column.of("CREDENTIAL", "credentialId"));

    @Command(name = "list", description = "List the node pools you can see.",
            footerHeading = "%nExamples:%n", footer = {"  devopsctl pools list", "  devopsctl pools list --tenant 3 -o json"})
    static final class ListPools extends ApiCommand {

        @Option(names = "--tenant", paramLabel = "ID", description = "Only this tenant's pools.")
        Long tenant;

        @Option(names = "--name", paramLabel = "TEXT", description = "Only pools whose name matches.")
        String name;

        @Override
        int run() {
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("tenantId", tenant);
            filter.put("name", name);
            print(api().getAll("/api/v1/node-pools", filter), COLUMNS);
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show one node pool.",
            footerHeading = "%nExamples:%n", footer = {"  devopsctl pools show 2", "  devopsctl pools show gpu_pool_a -o yaml"})
    static final class Show extends ApiCommand {

        @Parameters(paramLabel = "POOL", description = "The pool's id or name.")
        String pool;

        @Override
        int run() {
            print(api().get("/api/v1/node-pools/" + Lookup.pool(api(), pool)), COLUMNS);
            return ExitCodes.OK;
        }
    }
}
