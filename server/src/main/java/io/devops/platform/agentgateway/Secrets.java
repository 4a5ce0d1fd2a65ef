package io.devops.platform.agentgateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Enrolment tokens and agent credentials carry 256 random bits: a fast SHA-256 is enough to store
 * them and lets every agent request find its credential in one indexed lookup.
 */
final class Secrets {

    static final String ENROLLMENT_PREFIX = "dve_";
    static final String CREDENTIAL_PREFIX = "dva_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newSecret(String prefix) {
        byte[] buffer = new byte[32];
        RANDOM.nextBytes(buffer);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first characters, shown in lists so that people can tell secrets apart. */
    static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), 10));
    }
}
