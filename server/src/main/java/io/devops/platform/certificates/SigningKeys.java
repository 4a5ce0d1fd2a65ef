package io.devops.platform.certificates;

import io.devops.platform.credentials.SealedSecretHolder;
import io.devops.platform.credentials.SecretSeal;
import io.devops.platform.shared.DbTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's certificate signing key. By default it lives in the database, its private half
 * sealed with the master key like the SSH credentials: every instance of a cluster signs with the one
 * key, it is backed up with the data it vouches for, and no file needs copying between hosts. The
 * first instance that needs it generates it; one racing it loses on the unique slot and reads the
 * winner's. With {@code devops.certificates.key-file} (env {@code DEVOPS_CERT_KEY_FILE}) set, the key
 * is that file instead (its PRIVATE KEY and PUBLIC KEY PEM blocks), generated there with mode 0600
 * when absent: then every instance must be given the same file.
 */
@Component
class SigningKeys implements SealedSecretHolder {

    static final String PURPOSE = "certificate_signing_keys.private_key";
    private static final String SLOT = "current";

    private final JdbcClient jdbc;
    private final SecretSeal seal;
    private final Clock clock;
    private final String keyFile;
    private volatile SigningKey current;

    SigningKeys(JdbcClient jdbc, SecretSeal seal, Clock clock, @Value("${devops.certificates.key-file:}") String keyFile) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.clock = clock;
        this.keyFile = keyFile == null ? "" : keyFile.strip();
    }

    SigningKey current() {
        SigningKey key = current;
        if (key == null) {
            synchronized (this) {
                if (current == null) {
                    current = keyFile.isEmpty() ? fromDatabase() : fromFile(Path.of(keyFile));
                }
                key = current;
            }
        }
        return key;
    }

    @Override
    public boolean holdsSealedSecrets() {
        return jdbc.sql("SELECT COUNT(*) FROM certificate_signing_keys").query(Long.class).single() > 0;
    }

    private SigningKey fromDatabase() {
        return stored().orElseGet(() -> {
            SigningKey generated = SigningKey.generate();
            try {
                jdbc.sql("INSERT INTO certificate_signing_keys (slot, public_key, private_key_sealed, created_at) VALUES (?, ?, ?, ?)")
                        .params(SLOT, Base64.getEncoder().encodeToString(generated.publicKeyDer()),
                                seal.seal(Base64.getEncoder().encodeToString(generated.privateKeyDer()), PURPOSE),
                                DbTime.toDb(clock.instant()))
                        .update();
                return generated;
            } catch (DuplicateKeyException raced) {
                return stored().orElseThrow(() -> raced);
            }
        });
    }

    private Optional<SigningKey> stored() {
        return jdbc.sql("SELECT public_key, private_key_sealed FROM certificate_signing_keys WHERE slot = ?").param(SLOT)
                .query((rs, row) -> SigningKey.of(
                        Base64.getDecoder().decode(seal.open(rs.getString("private_key_sealed"), PURPOSE, "the certificate signing key")),
                        Base64.getDecoder().decode(rs.getString("public_key"))))
                .optional();
    }

    private static SigningKey fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                String pem = Files.readString(file, StandardCharsets.US_ASCII);
                return SigningKey.of(SigningKey.der(pem, "PRIVATE KEY"), SigningKey.der(pem, "PUBLIC KEY"));
            }
            SigningKey generated = SigningKey.generate();
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generated.privateKeyPem() + generated.publicKeyPem(), StandardCharsets.US_ASCII);
            return generated;
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException("cannot use the certificate key file " + file + " (devops.certificates.key-file): "
                    + e.getMessage() + "; it holds a PRIVATE KEY and a PUBLIC KEY PEM block, Ed25519", e);
        }
    }
}
