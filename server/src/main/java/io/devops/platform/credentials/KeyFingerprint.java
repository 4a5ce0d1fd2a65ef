package io.devops.platform.credentials;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code SHA256:…} as {@code ssh-keygen -l} prints it, with the key type, when the public key can
 * be had cheaply (every OpenSSH key; unencrypted RSA PEM keys). Otherwise the SHA-256 of the
 * normalised private key text, marked as such: stable and comparable, but not what ssh-keygen shows.
 */
record KeyFingerprint(String value, String keyType, Source source) {

    enum Source { PUBLIC_KEY, PRIVATE_KEY_TEXT }

    // AlgorithmIdentifier { rsaEncryption, NULL } and version 0, to wrap a PKCS#1 key as PKCS#8.
    private static final byte[] PKCS8_RSA_PREFIX = {0x02, 0x01, 0x00,
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    static KeyFingerprint ofPublicKey(byte[] publicKeyBlob) {
        String type = new String(OpenSshKey.string(ByteBuffer.wrap(publicKeyBlob)), StandardCharsets.US_ASCII);
        return new KeyFingerprint(sha256(publicKeyBlob), type, Source.PUBLIC_KEY);
    }

    static KeyFingerprint ofPrivateKeyText(String normalisedText) {
        return new KeyFingerprint(sha256(normalisedText.getBytes(StandardCharsets.UTF_8)), null, Source.PRIVATE_KEY_TEXT);
    }

    /** "RSA PRIVATE KEY" (PKCS#1) or an RSA "PRIVATE KEY" (PKCS#8); empty for anything else. */
    static Optional<KeyFingerprint> ofRsaPem(String label, byte[] der) {
        byte[] pkcs8 = switch (label) {
            case "RSA PRIVATE KEY" -> wrapPkcs1(der);
            case "PRIVATE KEY" -> der;
            default -> null;
        };
        if (pkcs8 == null) {
            return Optional.empty();
        }
        try {
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)) instanceof RSAPrivateCrtKey rsa) {
                ByteArrayOutputStream blob = new ByteArrayOutputStream();
                writeString(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
                writeString(blob, rsa.getPublicExponent().toByteArray());
                writeString(blob, rsa.getModulus().toByteArray());
                return Optional.of(ofPublicKey(blob.toByteArray()));
            }
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty(); // an EC or Ed25519 PKCS#8 key: fall back to the text fingerprint
        }
    }

    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(PKCS8_RSA_PREFIX);
        inner.write(0x04);
        writeDerLength(inner, pkcs1.length);
        inner.writeBytes(pkcs1);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.write(0x30);
        writeDerLength(outer, inner.size());
        outer.writeBytes(inner.toByteArray());
        return outer.toByteArray();
    }

    private static void writeDerLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        byte[] bytes = BigInteger.valueOf(length).toByteArray();
        int skip = bytes[0] == 0 ? 1 : 0;
        out.write(0x80 | (bytes.length - skip));
        out.write(bytes, skip, bytes.length - skip);
    }

    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
