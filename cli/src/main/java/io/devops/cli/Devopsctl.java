package io.devops.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code devopsctl}: the platform's command-line client. Exit codes: see {@link ExitCodes}. */
@Command(name = "devopsctl", mixinStandardHelpOptions = true, versionProvider = Devopsctl.Version.class,
        description = "Command-line client of the GPU node delivery platform: inventory, runs, reports and the catalog as code,"
                + " through the public REST API.",
        subcommands = {NodesCommand.class, PoolsCommand.class, RunsCommand.class, ReportsCommand.class, CatalogCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  export DEVOPSCTL_SERVER=https://devops.example.com DEVOPSCTL_TOKEN=dop_...",
                "  devopsctl nodes list --pool gpu_pool_a -o json",
                "  devopsctl runs start delivery --watch",
                "  devopsctl catalog export ./catalog",
                "",
                "Server and token: --server and --token, else DEVOPSCTL_SERVER and DEVOPSCTL_TOKEN, else server: and token: in"
                        + " ~/.config/devopsctl/config.yml (keep it chmod 600). Prefer the environment or the file: other users of the"
                        + " machine can read a --token flag in the process list.",
                "",
                "Exit codes: 0 success, 1 the run or call failed, 2 usage error, 3 server unreachable or refused"
                        + " (401, 403, 429, 5xx, connection refused)."})
public final class Devopsctl implements Runnable {

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The platform's address, e.g. https://devops.example.com (default: $DEVOPSCTL_SERVER, then the config file).")
    String server;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "API token (default: $DEVOPSCTL_TOKEN, then the config file). Visible in the process list: prefer those.")
    String token;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
    Format output = Format.TABLE;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Path home;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<Settings, Api> apis;
    private Api api;

    Devopsctl(Map<String, String> env, Path home, PrintStream out, PrintStream err, Function<Settings, Api> apis) {
        this.env = env;
        this.home = home;
        this.out = out;
        this.err = err;
        this.apis = apis;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(args, System.getenv(), Path.of(System.getProperty("user.home")), out, err, Api::new));
    }

    /** Runs one command line and returns its exit code; everything it prints goes to {@code out} and {@code err}. */
    static int execute(String[] args, Map<String, String> env, Path home, PrintStream out, PrintStream err, Function<Settings, Api> apis) {
        return commandLine(new Devopsctl(env, home, out, err, apis)).execute(args);
    }

    static CommandLine commandLine(Devopsctl root) {
        CommandLine line = new CommandLine(root);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpAutoWidth(true);
        line.setOut(new java.io.PrintWriter(root.out, true));
        line.setErr(new java.io.PrintWriter(root.err, true));
        line.setExecutionExceptionHandler((failure, command, parsed) -> {
            if (failure instanceof CliException known) {
                root.err.println("error: " + known.getMessage());
                return known.exitCode();
            }
            root.err.println("error: " + failure);
            return ExitCodes.FAILED;
        });
        line.setExitCodeExceptionMapper(failure -> failure instanceof CliException known ? known.exitCode()
                : failure instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FAILED);
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: nodes, pools, runs, reports, catalog or completion");
    }

    /** The API client, made on first use from the flags, the environment and the config file. */
    Api api() {
        if (api == null) {
            api = apis.apply(Settings.resolve(server, token, env, home, err));
        }
        return api;
    }

    Format output() {
        return output;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Map<String, String> env() {
        return env;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Devopsctl.class.getPackage().getImplementationVersion();
            return new String[] {"devopsctl " + (version == null ? "(development build)" : version)};
        }
    }
}
