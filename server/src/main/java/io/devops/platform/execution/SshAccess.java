package io.devops.platform.execution;

import io.devops.platform.ansible.PlaybookRun.SshKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.stereotype.Component;

/**
 * How the engine signs in to a node: the server's own key file when one is configured, otherwise
 * whatever the server user's SSH configuration provides (as plain ansible-playbook would).
 */
@Component
class SshAccess {

    private final ExecutionProperties properties;

    SshAccess(ExecutionProperties properties) {
        this.properties = properties;
    }

    SshKey keyFor(RunContents.RunNode node) {
        if (properties.privateKeyFile() == null || !Files.isReadable(properties.privateKeyFile())) {
            return null;
        }
        try {
            return new SshKey("server", Files.readString(properties.privateKeyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties.privateKeyFile(), e);
        }
    }

    String userFor(RunContents.RunNode node) {
        return node.sshUser() == null ? "root" : node.sshUser();
    }
}
