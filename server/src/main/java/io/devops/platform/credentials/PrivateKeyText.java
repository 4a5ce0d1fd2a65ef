package io.devops.platform.credentials;

import io.devops.platform.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private key as pasted, checked to be exactly one OpenSSH or PEM private key block and
 * normalised the way ssh wants it (LF line ends, a final newline). Only its structure is read,
 * never the secret part: the public half and whether it is encrypted.
 */
record PrivateKeyText(String text, String label, boolean encrypted, KeyFingerprint fingerprint) {

    static final int MAX_CHARS = 16_384;
    private static final String FIELD = "privateKey";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY)-----\n(.+)\n-----END \\1-----", Pattern.DOTALL);

    static PrivateKeyText parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("is required: paste the whole key file, from '-----BEGIN' to '-----END'");
        }
        if (raw.length() > MAX_CHARS) {
            throw invalid("has more than " + MAX_CHARS + " characters; an SSH private key is a few KB at most");
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.startsWith("ssh-") || text.startsWith("ecdsa-") || text.startsWith("sk-") || text.contains("PUBLIC KEY-----")) {
            throw invalid("is a public key; paste the private key (the key file without .pub)");
        }
        Matcher block = BLOCK.matcher(text);
        if (!block.matches()) {
            throw invalid("must be exactly one private key block, from '-----BEGIN … PRIVATE KEY-----' "
                    + "to the matching '-----END … PRIVATE KEY-----' line (OpenSSH or PEM format)");
        }
        String label = block.group(1);
        List<String> headers = new ArrayList<>();
        byte[] der = decodeBody(block.group(2), headers);
        boolean pemEncrypted = label.startsWith("ENCRYPTED ")
                || headers.stream().anyMatch(header -> header.toUpperCase(Locale.ROOT).contains("ENCRYPTED"));
        if (label.equals("OPENSSH PRIVATE KEY")) {
            OpenSshKey key = OpenSshKey.read(der).orElseThrow(() -> invalid("is not a valid OpenSSH private key"));
            return new PrivateKeyText(text + "\n", label, key.encrypted(), KeyFingerprint.ofPublicKey(key.publicKey()));
        }
        KeyFingerprint fingerprint = pemEncrypted ? null : KeyFingerprint.ofRsaPem(label, der).orElse(null);
        return new PrivateKeyText(text + "\n", label, pemEncrypted,
                fingerprint != null ? fingerprint : KeyFingerprint.ofPrivateKeyText(text + "\n"));
    }

    /** PEM headers ("Proc-Type: 4,ENCRYPTED") up to a blank line, then base64. */
    private static byte[] decodeBody(String body, List<String> headers) {
        String[] lines = body.split("\n");
        int first = 0;
        while (first < lines.length && lines[first].contains(":")) {
            headers.add(lines[first++]);
        }
        StringBuilder base64 = new StringBuilder(body.length());
        for (int i = first; i < lines.length; i++) {
            base64.append(lines[i].strip());
        }
        try {
            byte[] der = Base64.getDecoder().decode(base64.toString());
            if (der.length < 32) {
                throw invalid("has a body too short to be a key");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw invalid("has a body that is not base64; paste the key file unchanged");
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(FIELD, message);
    }
}
