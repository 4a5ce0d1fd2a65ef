package io.devops.platform.credentials;

import io.devops.platform.credentials.MasterKeySource.Origin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/settings/master-key} (ADMIN): where the key that protects SSH credentials comes
 * from and whether it works, so that the console can say what to back up and what to fix before a
 * credential is saved. Never the key itself.
 */
@RestController
class MasterKeyController {

    /** {@code file}: the key file in use or to be made (null for the environment); {@code problem}: why credentials cannot be stored. */
    record MasterKeyStatus(Origin origin, String file, boolean usable, String problem) {
    }

    private final MasterKeySource source;
    private final Keyring keyring;

    MasterKeyController(MasterKeySource source, Keyring keyring) {
        this.source = source;
        this.keyring = keyring;
    }

    @GetMapping("/api/v1/settings/master-key")
    MasterKeyStatus status() {
        MasterKeySource.MasterKey key = source.key();
        String file = key.file() == null ? null : key.file().toString();
        try {
            keyring.cipher();
            return new MasterKeyStatus(key.origin(), file, true, null);
        } catch (SecretsUnavailableException e) {
            return new MasterKeyStatus(key.origin(), file, false, e.getMessage());
        }
    }
}
