package io.devops.platform.credentials;

import io.devops.platform.credentials.CredentialsController.CredentialRequest;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules for PASSWORD credentials (a BMC's user name and password). The password goes in sealed
 * and never comes out through the API or the audit trail, which records only that it changed.
 */
@Service
@Transactional
class PasswordCredentials {

    private final Credentials credentials;
    private final SecretSeal seal;
    private final AuditTrail audit;
    private final Clock clock;

    PasswordCredentials(Credentials credentials, SecretSeal seal, AuditTrail audit, Clock clock) {
        this.credentials = credentials;
        this.seal = seal;
        this.audit = audit;
        this.clock = clock;
    }

    CredentialView create(CredentialRequest request) {
        String name = CredentialRules.name(request.name());
        String username = CredentialRules.username(request.username());
        String password = CredentialRules.password(request.password());
        requireFreeName(name, 0);
        long id = credentials.insertPassword(name, request.description(), username,
                seal.seal(password, SealedPassword.PASSWORD), clock.instant(), CurrentActor.name());
        CredentialView created = view(id);
        audit.record("credential.created", "credential", id, "Created password credential " + name, null, created);
        return created;
    }

    /** A password left out (null) is kept. */
    CredentialView update(CredentialView before, CredentialRequest request) {
        String name = CredentialRules.name(request.name());
        String username = CredentialRules.username(request.username());
        String password = request.password() == null ? null : CredentialRules.password(request.password());
        requireFreeName(name, before.id());
        credentials.updatePasswordLogin(before.id(), name, request.description(), username, clock.instant(), CurrentActor.name());
        if (password != null) {
            credentials.replacePassword(before.id(), seal.seal(password, SealedPassword.PASSWORD));
        }
        CredentialView after = view(before.id());
        audit.record("credential.updated", "credential", before.id(), "Changed password credential " + name
                + (password == null ? "; password kept" : "; password replaced"), before, after);
        return after;
    }

    private CredentialView view(long id) {
        return credentials.view(id).orElseThrow(() -> new NotFoundException("Credential", id));
    }

    private void requireFreeName(String name, long exceptId) {
        if (credentials.nameTaken(name, exceptId)) {
            throw new ConflictException("A credential named '" + name + "' already exists");
        }
    }
}
