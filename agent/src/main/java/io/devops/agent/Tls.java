package io.devops.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** HTTPS trust: the JDK's CAs, a private CA from a PEM file, or exactly one pinned server certificate. */
final class Tls {

    private Tls() {
    }

    static SSLContext context(Path caFile, String pinnedSha256) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (pinnedSha256 != null) {
            context.init(null, new TrustManager[] {new Pinned(pinnedSha256.replace(":", "").toLowerCase())}, null);
        } else if (caFile != null) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(caFile)) {
                int i = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + i++, certificate);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            context.init(null, factory.getTrustManagers(), null);
        } else {
            return SSLContext.getDefault();
        }
        return context;
    }

    /** Trusts the one certificate whose SHA-256 fingerprint is configured, whoever signed it. */
    private record Pinned(String sha256) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            try {
                String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
                if (!actual.equals(sha256)) {
                    throw new java.security.cert.CertificateException("server certificate " + actual + " is not the pinned one");
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new java.security.cert.CertificateException(e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("the agent does not accept client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
