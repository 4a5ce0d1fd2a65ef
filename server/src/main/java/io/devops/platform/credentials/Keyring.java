package io.devops.platform.credentials;

import io.devops.platform.credentials.SecretCipher.UnreadableSecretException;
import io.devops.platform.shared.DbTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The installation's encryption key. One row in {@code credential_keyring} holds the random salt
 * and a verifier (a known text sealed with the derived key), so a changed master key is told apart
 * at once instead of as garbage later. The row is made on first use; several instances may race
 * to make it and all end up with the same one.
 */
@Component
class Keyring {

    static final int MIN_KEY_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(Keyring.class);
    private static final String VERIFIER_TEXT = "devops-platform credential keyring v1";
    private static final String VERIFIER_DATA = "credential_keyring.verifier";
    private static final String KDF = KeyDerivation.NAME + ":" + KeyDerivation.ITERATIONS;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final String masterKey;
    private final Clock clock;
    private final BooleanSupplier othersHoldSecrets;
    private final Map<Row, SecretCipher> unlocked = new ConcurrentHashMap<>();

    @Autowired
    Keyring(JdbcClient jdbc, PlatformTransactionManager transactions, MasterKeySource source, Clock clock,
            ObjectProvider<SealedSecretHolder> holders) {
        this(jdbc, transactions, source.key().value(), clock,
                () -> holders.orderedStream().anyMatch(SealedSecretHolder::holdsSealedSecrets));
    }

    Keyring(JdbcClient jdbc, PlatformTransactionManager transactions, String masterKey, Clock clock) {
        this(jdbc, transactions, masterKey, clock, () -> false);
    }

    Keyring(JdbcClient jdbc, PlatformTransactionManager transactions, String masterKey, Clock clock,
            BooleanSupplier othersHoldSecrets) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.masterKey = masterKey == null ? "" : masterKey;
        this.clock = clock;
        this.othersHoldSecrets = othersHoldSecrets;
    }

    /** The cipher for stored secrets; refuses, saying how to fix it, without the right master key. */
    SecretCipher cipher() {
        if (masterKey.isEmpty()) {
            throw SecretsUnavailableException.noKey();
        }
        if (masterKey.length() < MIN_KEY_LENGTH) {
            throw SecretsUnavailableException.shortKey(masterKey.length());
        }
        Row row = read().orElseGet(() -> ownTransaction.execute(status -> createOrRead()));
        Optional<SecretCipher> cipher = unlock(row);
        if (cipher.isPresent()) {
            return cipher.get();
        }
        // Nothing is sealed under the old key any more: adopt the new one rather than lock everyone out.
        return ownTransaction.execute(status -> rekeyIfNothingStored(row))
                .flatMap(this::unlock)
                .orElseThrow(SecretsUnavailableException::wrongKey);
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStartup() {
        try {
            cipher();
            log.info("SSH credentials: master key verified");
        } catch (SecretsUnavailableException e) {
            log.warn("SSH credentials cannot be stored or used yet. {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("SSH credentials: could not check the master key at start ({}); will retry on first use", e.toString());
        }
    }

    private Optional<SecretCipher> unlock(Row row) {
        SecretCipher cipher = unlocked.computeIfAbsent(row, this::derive);
        try {
            return VERIFIER_TEXT.equals(cipher.open(row.verifier(), VERIFIER_DATA)) ? Optional.of(cipher) : Optional.empty();
        } catch (UnreadableSecretException e) {
            return Optional.empty(); // the derived key stays cached: a wrong key costs one PBKDF2 run, not one per call
        }
    }

    private SecretCipher derive(Row row) {
        String[] kdf = row.kdf().split(":", 2);
        if (!KeyDerivation.NAME.equals(kdf[0])) {
            throw new IllegalStateException("credential_keyring uses an unknown key derivation: " + kdf[0]);
        }
        return new SecretCipher(KeyDerivation.derive(masterKey, Base64.getDecoder().decode(row.salt()), Integer.parseInt(kdf[1])));
    }

    private Optional<Row> read() {
        return jdbc.sql("SELECT kdf, salt, verifier FROM credential_keyring WHERE id = 1")
                .query((rs, n) -> new Row(rs.getString("kdf"), rs.getString("salt"), rs.getString("verifier")))
                .optional();
    }

    private Row createOrRead() {
        Row fresh = freshRow();
        try {
            jdbc.sql("INSERT INTO credential_keyring (id, kdf, salt, verifier, created_at) VALUES (1, ?, ?, ?, ?)")
                    .params(fresh.kdf(), fresh.salt(), fresh.verifier(), DbTime.toDb(clock.instant())).update();
            log.info("SSH credentials: created this installation's key salt");
            return fresh;
        } catch (DuplicateKeyException e) {
            return read().orElseThrow();
        }
    }

    private Optional<Row> rekeyIfNothingStored(Row old) {
        if (othersHoldSecrets.getAsBoolean()) {
            return Optional.empty();
        }
        Row fresh = freshRow();
        int changed = jdbc.sql("""
                UPDATE credential_keyring SET kdf = ?, salt = ?, verifier = ?, created_at = ?
                WHERE id = 1 AND salt = ? AND NOT EXISTS (SELECT 1 FROM credentials)""")
                .params(fresh.kdf(), fresh.salt(), fresh.verifier(), DbTime.toDb(clock.instant()), old.salt()).update();
        if (changed == 1) {
            log.warn("SSH credentials: DEVOPS_SECRET_KEY changed while no credential was stored; the new key is now in use");
            return Optional.of(fresh);
        }
        return Optional.empty();
    }

    private Row freshRow() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Row unsealed = new Row(KDF, Base64.getEncoder().encodeToString(salt), null);
        SecretCipher cipher = derive(unsealed);
        Row row = new Row(KDF, unsealed.salt(), cipher.seal(VERIFIER_TEXT, VERIFIER_DATA));
        unlocked.put(row, cipher);
        return row;
    }

    /** The stored row; as a cache key it stands for the derived key of its salt. */
    private record Row(String kdf, String salt, String verifier) {
    }
}
