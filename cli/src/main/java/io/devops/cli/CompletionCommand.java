package io.devops.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = "Print a shell completion script for bash or zsh.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(devopsctl completion bash)                  # bash, this shell",
                "  devopsctl completion bash > /etc/bash_completion.d/devopsctl",
                "  source <(devopsctl completion zsh)                   # zsh, e.g. in ~/.zshrc (uses bashcompinit)"},
        mixinStandardHelpOptions = true)
final class CompletionCommand implements Callable<Integer> {

    enum Shell { BASH, ZSH }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Devopsctl root = (Devopsctl) spec.root().userObject();
        String script = AutoComplete.bash("devopsctl", spec.root().commandLine());
        if (shell == Shell.ZSH) {
            // picocli writes bash completion; zsh runs it through bashcompinit.
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        root.out().print(script);
        root.out().flush();
        return ExitCodes.OK;
    }
}
