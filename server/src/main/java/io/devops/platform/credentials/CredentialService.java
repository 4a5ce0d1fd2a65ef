package io.devops.platform.credentials;

import io.devops.platform.credentials.CredentialsController.CredentialRequest;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules for credentials. Secrets go in sealed and never come out of here: views carry only
 * which secrets exist, and the audit trail records names and which secrets changed.
 */
@Service
@Transactional
class CredentialService {

    private final Credentials credentials;
    private final Keyring keyring;
    private final AuditTrail audit;
    private final Clock clock;
    private final PasswordCredentials passwords;

    CredentialService(Credentials credentials, Keyring keyring, AuditTrail audit, Clock clock, PasswordCredentials passwords) {
        this.credentials = credentials;
        this.passwords = passwords;
        this.keyring = keyring;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    CredentialView get(long id) {
        return credentials.view(id).orElseThrow(() -> new NotFoundException("Credential", id));
    }

    @Transactional(readOnly = true)
    PageResult<CredentialView> page(String name, PageQuery query) {
        return credentials.page(name, query);
    }

    CredentialView create(CredentialRequest request) {
        if (request.kindOrDefault() == CredentialKind.PASSWORD) {
            return passwords.create(request);
        }
        String name = CredentialRules.name(request.name());
        String sshUser = CredentialRules.sshUser(request.sshUser());
        PrivateKeyText key = PrivateKeyText.parse(request.privateKey());
        String passphrase = CredentialRules.secret("passphrase", request.passphrase());
        String becomePassword = CredentialRules.secret("becomePassword", request.becomePassword());
        CredentialRules.requirePassphraseForEncryptedKey(key.encrypted(), passphrase != null);
        requireFreeName(name, 0);
        SecretCipher cipher = keyring.cipher();
        long id = credentials.insert(name, request.description(), sshUser, key,
                cipher.seal(key.text(), SealedCredential.PRIVATE_KEY), seal(cipher, passphrase, SealedCredential.PASSPHRASE),
                seal(cipher, becomePassword, SealedCredential.BECOME_PASSWORD), clock.instant(), CurrentActor.name());
        CredentialView created = get(id);
        audit.record("credential.created", "credential", id, "Created credential " + name + " with "
                + String.join(", ", secretNames(true, passphrase != null, becomePassword != null)), null, created);
        return created;
    }

    CredentialView update(long id, CredentialRequest request) {
        CredentialView before = get(id);
        if (request.kind() != null && request.kind() != before.kind()) {
            throw new InvalidInputException("kind", "cannot change: the credential is " + before.kind());
        }
        if (before.kind() == CredentialKind.PASSWORD) {
            return passwords.update(before, request);
        }
        String name = CredentialRules.name(request.name());
        String sshUser = CredentialRules.sshUser(request.sshUser());
        PrivateKeyText key = request.privateKey() == null ? null : PrivateKeyText.parse(request.privateKey());
        String passphrase = CredentialRules.secret("passphrase", request.passphrase());
        String becomePassword = CredentialRules.secret("becomePassword", request.becomePassword());
        boolean hasPassphrase = request.passphrase() == null ? before.hasPassphrase() : passphrase != null;
        CredentialRules.requirePassphraseForEncryptedKey(key == null ? before.keyEncrypted() : key.encrypted(), hasPassphrase);
        requireFreeName(name, id);
        SecretCipher cipher = key != null || passphrase != null || becomePassword != null ? keyring.cipher() : null;

        Instant now = clock.instant();
        credentials.update(id, name, request.description(), sshUser, now, CurrentActor.name());
        if (key != null) {
            credentials.replaceKey(id, key, cipher.seal(key.text(), SealedCredential.PRIVATE_KEY));
        }
        if (request.passphrase() != null) {
            credentials.replacePassphrase(id, seal(cipher, passphrase, SealedCredential.PASSPHRASE));
        }
        if (request.becomePassword() != null) {
            credentials.replaceBecomePassword(id, seal(cipher, becomePassword, SealedCredential.BECOME_PASSWORD));
        }
        CredentialView after = get(id);
        List<String> changed = secretNames(key != null, request.passphrase() != null, request.becomePassword() != null);
        audit.record("credential.updated", "credential", id, "Changed credential " + name
                + (changed.isEmpty() ? "; secrets kept" : "; secrets replaced or removed: " + String.join(", ", changed)),
                before, after);
        return after;
    }

    void delete(long id) {
        CredentialView credential = get(id);
        List<String> pools = credentials.poolsUsing(id);
        if (!pools.isEmpty()) {
            throw new ConflictException("Credential " + credential.name() + " is used by " + pools.size() + " node pool(s) ("
                    + String.join(", ", pools.subList(0, Math.min(5, pools.size()))) + (pools.size() > 5 ? ", …" : "")
                    + "); give them another credential first");
        }
        long nodes = credentials.nodesUsing(id);
        if (nodes > 0) {
            throw new ConflictException("Credential " + credential.name() + " is used by " + nodes
                    + " node(s) as their own credential; give them another credential first");
        }
        long bmcs = credentials.bmcsUsing(id);
        if (bmcs > 0) {
            throw new ConflictException("Credential " + credential.name() + " is used by " + bmcs
                    + " node BMC(s); give them another credential first");
        }
        credentials.delete(id);
        audit.record("credential.deleted", "credential", id, "Deleted credential " + credential.name(), credential, null);
    }

    private void requireFreeName(String name, long exceptId) {
        if (credentials.nameTaken(name, exceptId)) {
            throw new ConflictException("A credential named '" + name + "' already exists");
        }
    }

    private static String seal(SecretCipher cipher, String secretOrNull, String associatedData) {
        return secretOrNull == null ? null : cipher.seal(secretOrNull, associatedData);
    }

    private static List<String> secretNames(boolean privateKey, boolean passphrase, boolean becomePassword) {
        List<String> names = new ArrayList<>();
        if (privateKey) {
            names.add("privateKey");
        }
        if (passphrase) {
            names.add("passphrase");
        }
        if (becomePassword) {
            names.add("becomePassword");
        }
        return names;
    }
}
