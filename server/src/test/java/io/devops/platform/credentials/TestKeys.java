package io.devops.platform.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Throw-away private keys made at test time, so that no key is ever committed. */
final class TestKeys {

    private TestKeys() {
    }

    /** A fresh RSA key as unencrypted PKCS#8 PEM ("PRIVATE KEY"), made by the JDK alone. */
    static String rsaPkcs8() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean sshKeygenAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
    }

    /** A key made by ssh-keygen, with what {@code ssh-keygen -l} says its fingerprint is. */
    record GeneratedKey(String privateKey, String fingerprint) {
    }

    /** @param extraArgs such as {@code -t ed25519} or {@code -t rsa -b 2048 -m PEM} */
    static GeneratedKey sshKeygen(String passphrase, String... extraArgs) {
        try {
            Path dir = Files.createTempDirectory("keys");
            Path file = dir.resolve("id");
            List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", passphrase, "-C", "test", "-f",
                    file.toString()));
            command.addAll(List.of(extraArgs));
            run(command);
            String fingerprint = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", file + ".pub")).split(" ")[1];
            String key = Files.readString(file);
            Files.delete(file);
            Files.delete(Path.of(file + ".pub"));
            Files.delete(dir);
            return new GeneratedKey(key, fingerprint);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
