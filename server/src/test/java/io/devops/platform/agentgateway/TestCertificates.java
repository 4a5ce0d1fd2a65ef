package io.devops.platform.agentgateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A private CA and a server certificate for 127.0.0.1 signed by it, made by the JDK's keytool for
 * each test run: {@code ca.pem} is what an agent is given with --ca-file, {@link #serverSha256()}
 * what it pins with --pinned-cert-sha256.
 */
final class TestCertificates {

    private static final String PASSWORD = "test-keystore-password";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=test agent CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
        keytool(dir, "-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-validity", "2", "-keystore", "server.p12");
        keytool(dir, "-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr");
        keytool(dir, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "server.csr", "-outfile", "server.pem",
                "-rfc", "-validity", "2", "-ext", "SAN=ip:127.0.0.1", "-ext", "EKU=serverAuth");
        keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-keystore", "server.p12", "-file", "ca.pem");
        keytool(dir, "-importcert", "-alias", "server", "-keystore", "server.p12", "-file", "server.pem");
        return new TestCertificates(dir);
    }

    Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** The SHA-256 fingerprint of the server certificate, as the agent pins it. */
    String serverSha256() throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(dir.resolve("server.pem"))) {
            byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        }
    }

    /** What the TLS relay serves: the server certificate with its chain to the CA. */
    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
