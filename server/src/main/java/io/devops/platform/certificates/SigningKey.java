package io.devops.platform.certificates;

import io.devops.platform.shared.Sha256;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key pair (the JDK's own), as certificates are signed and verified with it: the private
 * key as PKCS#8 DER, the public one as SubjectPublicKeyInfo DER, whose PEM {@code openssl pkeyutl
 * -verify -pubin -rawin} reads.
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    private static final String ALGORITHM = "Ed25519";

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** From the DER encodings {@link #privateKeyDer()} and {@link #publicKeyDer()} give. */
    static SigningKey of(byte[] pkcs8, byte[] spki) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            return new SigningKey(factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
                    factory.generatePublic(new X509EncodedKeySpec(spki)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    byte[] privateKeyDer() {
        return privateKey.getEncoded();
    }

    byte[] publicKeyDer() {
        return publicKey.getEncoded();
    }

    /** The 64-byte signature of {@code bytes}, base64. */
    public String sign(byte[] bytes) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(bytes);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    public boolean verifies(byte[] bytes, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(bytes);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The public key as PEM (SubjectPublicKeyInfo), as {@code openssl pkey -pubout} writes it. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKeyDer());
    }

    String privateKeyPem() {
        return pem("PRIVATE KEY", privateKeyDer());
    }

    /** The hex sha256 of the public key's PEM, as {@code sha256sum key.pem} prints it: which key signed. */
    public String fingerprint() {
        return Sha256.hex(publicKeyPem());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The DER inside the first PEM block of {@code type} in {@code text}. */
    static byte[] der(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end, Math.max(from, 0));
        if (from < 0 || to < 0) {
            throw new IllegalStateException("no " + type + " PEM block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    @Override
    public String toString() {
        return "SigningKey[Ed25519 " + HexFormat.of().formatHex(publicKeyDer()).substring(24) + "]";
    }
}
