package io.devops.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Creates and hashes secrets. Tokens carry 256 random bits, so a fast SHA-256 is enough to store
 * them (unlike passwords) and lets a request find its token by hash in one indexed lookup.
 */
final class TokenCodec {

    static final String API_TOKEN_PREFIX = "dvp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenCodec() {
    }

    static String newApiToken() {
        return API_TOKEN_PREFIX + randomUrlSafe(32);
    }

    static String randomUrlSafe(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first characters, shown in lists so a user can tell tokens apart. */
    static String displayPrefix(String token) {
        return token.substring(0, Math.min(token.length(), API_TOKEN_PREFIX.length() + 6));
    }
}
