package io.devops.platform.credentials;

import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.NotFoundException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credentials module's public API: which SSH credential reaches a node, decrypted for a run,
 * a credential by name, whether a credential exists (for references from other modules), and a
 * PASSWORD credential's login for a node's BMC.
 */
@Service
@Transactional(readOnly = true)
public class CredentialVault {

    private final Credentials credentials;
    private final Keyring keyring;
    private final String defaultCredential;

    CredentialVault(Credentials credentials, Keyring keyring,
                    @Value("${devops.ssh.default-credential:}") String defaultCredential) {
        this.credentials = credentials;
        this.keyring = keyring;
        this.defaultCredential = defaultCredential == null ? "" : defaultCredential.strip();
    }

    /**
     * The node's own credential, else its pool's, else the configured default
     * ({@code devops.ssh.default-credential}); empty when none applies, and the run then uses the
     * server's own SSH setup (agent, ~/.ssh).
     *
     * @throws NotFoundException when a named credential (including the default) does not exist
     * @throws SecretsUnavailableException without the right master key, or when stored secrets were altered
     */
    public Optional<SshCredential> resolve(Long nodeCredentialId, Long poolCredentialId) {
        Long chosen = nodeCredentialId != null ? nodeCredentialId : poolCredentialId;
        if (chosen != null) {
            return Optional.of(open(credentials.sealed(chosen).orElseThrow(() -> new NotFoundException("Credential", chosen))));
        }
        if (defaultCredential.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(open(credentials.sealedByName(defaultCredential).orElseThrow(() -> new NotFoundException(
                "The default SSH credential '" + defaultCredential + "' (devops.ssh.default-credential) does not exist; "
                        + "create it or change the setting"))));
    }

    /** Whether an SSH key credential (the kind nodes and pools name) has this id; a PASSWORD one does not count. */
    public boolean exists(long id) {
        return credentials.sshKeyExists(id);
    }

    /** The credential's kind; empty when there is no such credential. */
    public Optional<CredentialKind> kindOf(long id) {
        return credentials.sealedPassword(id).map(SealedPassword::kind);
    }

    /**
     * A PASSWORD credential's user name and password, decrypted for the moment of use.
     *
     * @throws NotFoundException when there is no such credential
     * @throws ConflictException when it is an SSH key credential
     * @throws SecretsUnavailableException without the right master key, or when the stored password was altered
     */
    public PasswordCredential password(long id) {
        SealedPassword sealed = credentials.sealedPassword(id).orElseThrow(() -> new NotFoundException("Credential", id));
        if (sealed.kind() != CredentialKind.PASSWORD) {
            throw new ConflictException("Credential " + sealed.name() + " is an SSH key credential, not a user name and password");
        }
        return sealed.open(keyring.cipher());
    }

    /** Whether a credential of that name exists (for references by name, such as a Git source's). */
    public boolean existsNamed(String name) {
        return credentials.sealedByName(name).isPresent();
    }

    /**
     * The named credential, decrypted for one use (a Git fetch over SSH); empty when none has that name.
     *
     * @throws SecretsUnavailableException without the right master key, or when stored secrets were altered
     */
    public Optional<SshCredential> named(String name) {
        return credentials.sealedByName(name).map(this::open);
    }

    private SshCredential open(SealedCredential sealed) {
        if (sealed.privateKey() == null) {
            throw new ConflictException("Credential " + sealed.name() + " is a user name and password for BMCs, not an SSH key");
        }
        return sealed.open(keyring.cipher());
    }
}
