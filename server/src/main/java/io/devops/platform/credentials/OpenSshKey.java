package io.devops.platform.credentials;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The unencrypted header of an {@code openssh-key-v1} file: cipher name and the public key,
 * which the format stores in clear even when the private part is passphrase-protected.
 */
record OpenSshKey(String cipherName, byte[] publicKey) {

    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    boolean encrypted() {
        return !"none".equals(cipherName);
    }

    static Optional<OpenSshKey> read(byte[] der) {
        if (der.length < MAGIC.length || !Arrays.equals(der, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(der, MAGIC.length, der.length - MAGIC.length);
        try {
            String cipher = new String(string(in), StandardCharsets.US_ASCII);
            string(in); // kdf name
            string(in); // kdf options
            if (in.getInt() < 1) {
                return Optional.empty();
            }
            byte[] publicKey = string(in);
            string(ByteBuffer.wrap(publicKey)); // the key type, read by the fingerprint: it must be there
            return Optional.of(new OpenSshKey(cipher, publicKey));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An SSH wire-format string: a uint32 length, then that many bytes. */
    static byte[] string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string longer than the key");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
