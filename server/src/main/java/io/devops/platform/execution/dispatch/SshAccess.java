package io.devops.platform.execution.dispatch;

import io.devops.platform.ansible.PlaybookRun.SshKey;
import io.devops.platform.credentials.CredentialVault;
import io.devops.platform.credentials.MaskingSecrets;
import io.devops.platform.credentials.SshCredential;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.settings.ExecutionProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How the engine signs in to a node: the node's credential, else its pool's, else the configured
 * default credential; without any, the server's own key file when one is configured, otherwise
 * the server user's SSH setup (as plain ansible-playbook would).
 */
@Component
class SshAccess {

    private final CredentialVault vault;
    private final ExecutionProperties properties;

    SshAccess(CredentialVault vault, ExecutionProperties properties) {
        this.vault = vault;
        this.properties = properties;
    }

    Access of(RunNode node) {
        Optional<SshCredential> credential = vault.resolve(node.nodeCredentialId(), node.poolCredentialId());
        if (credential.isPresent()) {
            SshCredential found = credential.get();
            String user = node.sshUser() != null ? node.sshUser() : found.sshUser();
            return new Access(user, new SshKey("credential-" + found.id(), found.privateKey()), found);
        }
        return new Access(node.sshUser() == null ? "root" : node.sshUser(), serverKey(), null);
    }

    /** Hides every secret of these nodes' credentials in log lines. */
    MaskingSecrets maskingFor(List<Access> accesses) {
        List<SshCredential> credentials = new ArrayList<>();
        accesses.stream().map(Access::credential).filter(Objects::nonNull).distinct().forEach(credentials::add);
        return MaskingSecrets.of(credentials);
    }

    private SshKey serverKey() {
        if (properties.privateKeyFile() == null || !Files.isReadable(properties.privateKeyFile())) {
            return null;
        }
        try {
            return new SshKey("server", Files.readString(properties.privateKeyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties.privateKeyFile(), e);
        }
    }

    /** The SSH user and key for one node, and the credential they came from (null: the server's own). */
    record Access(String user, SshKey key, SshCredential credential) {
    }
}
