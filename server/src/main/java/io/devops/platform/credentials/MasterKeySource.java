package io.devops.platform.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the master key comes from. {@code DEVOPS_SECRET_KEY} when it is set (production: one key
 * shared by every instance, kept outside the machine). Otherwise a key of this installation in
 * {@code devops.secret-key-file} ({@code ./data/master.key}, beside the embedded database): read
 * when it is there, generated (random, mode 0600) on the first start, so that SSH credentials work
 * from the first minute. The file is as precious as the database: losing it loses the credentials.
 */
@Component
class MasterKeySource {

    /** Where the key in use came from: the environment, a file read, or a file made at this start. */
    enum Origin { ENVIRONMENT, FILE, GENERATED, NONE }

    record MasterKey(String value, Origin origin, Path file) {
    }

    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int GENERATED_BYTES = 36;

    private final MasterKey key;

    MasterKeySource(@Value("${devops.secret-key:}") String configured,
                    @Value("${devops.secret-key-file:./data/master.key}") String file) {
        this.key = resolve(configured, Path.of(file).toAbsolutePath().normalize());
    }

    MasterKey key() {
        return key;
    }

    static MasterKey resolve(String configured, Path file) {
        if (configured != null && !configured.isEmpty()) {
            return new MasterKey(configured, Origin.ENVIRONMENT, null);
        }
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            return generate(file);
        } catch (IOException | SecurityException e) {
            log.warn("SSH credentials: DEVOPS_SECRET_KEY is not set and no master key could be read or made in {} ({}); "
                    + "credentials cannot be stored until one of them is fixed", file, e.toString());
            return new MasterKey("", Origin.NONE, file);
        }
    }

    private static MasterKey read(Path file) throws IOException {
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("SSH credentials: the master key file {} can be read by other users; make it mode 0600", file);
        }
        log.info("SSH credentials: master key read from {} (DEVOPS_SECRET_KEY is not set)", file);
        return new MasterKey(value, Origin.FILE, file);
    }

    private static MasterKey generate(Path file) throws IOException {
        byte[] random = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        try {
            // Created with its final mode, so the key is never readable by others, not even for a moment.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            return read(file); // another instance in the same folder made it first
        }
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        log.warn("SSH credentials: DEVOPS_SECRET_KEY is not set, so a master key was generated in {} (mode 0600). Back this "
                + "file up with the database: without it the stored credentials cannot be read. In production set "
                + "DEVOPS_SECRET_KEY instead (the same value on every instance).", file);
        return new MasterKey(value, Origin.GENERATED, file);
    }
}
