package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that talks to the server: the root's API client, output format and streams. */
abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    Devopsctl root() {
        return (Devopsctl) spec.root().userObject();
    }

    Api api() {
        return root().api();
    }

    Format format() {
        return root().output();
    }

    PrintStream out() {
        return root().out();
    }

    PrintStream err() {
        return root().err();
    }

    void print(JsonNode data, List<Column> columns) {
        out().print(Output.render(data, format(), columns));
        out().flush();
    }

    @Override
    public Integer call() throws Exception {
        return run();
    }

    abstract int run() throws Exception;
}
