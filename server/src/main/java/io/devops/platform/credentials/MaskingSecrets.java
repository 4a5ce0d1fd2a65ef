package io.devops.platform.credentials;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces known secret values in log text with {@code ***}: passphrases, become passwords (also
 * as they appear JSON-escaped) and every body line of a private key, so a key printed line by line
 * is masked too. Mask whole lines before cutting output into chunks: a secret split across two
 * chunks is not recognised.
 */
public final class MaskingSecrets {

    public static final String MASK = "***";
    /** Shorter key lines (the tail of the last base64 line) carry too little to matter and would mask noise. */
    private static final int MIN_KEY_LINE = 8;

    private final List<String> secrets;

    private MaskingSecrets(Set<String> secrets) {
        this.secrets = secrets.stream().filter(secret -> !secret.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static MaskingSecrets of(SshCredential... credentials) {
        return of(Arrays.asList(credentials));
    }

    public static MaskingSecrets of(Collection<SshCredential> credentials) {
        Set<String> secrets = new LinkedHashSet<>();
        for (SshCredential credential : credentials) {
            addValue(secrets, credential.passphrase());
            addValue(secrets, credential.becomePassword());
            addKeyLines(secrets, credential.privateKey());
        }
        return new MaskingSecrets(secrets);
    }

    /** Any other secret values, such as a variable marked secret. */
    public static MaskingSecrets ofValues(Collection<String> values) {
        Set<String> secrets = new LinkedHashSet<>();
        values.forEach(value -> addValue(secrets, value));
        return new MaskingSecrets(secrets);
    }

    /** These masks and {@code values} (secret variables beside a node's credential). */
    public MaskingSecrets with(Collection<String> values) {
        Set<String> all = new LinkedHashSet<>(secrets);
        values.forEach(value -> addValue(all, value));
        return new MaskingSecrets(all);
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) { // longest first, so a secret that contains another is masked whole
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    private static void addValue(Set<String> secrets, String value) {
        if (value != null && !value.isEmpty()) {
            secrets.add(value);
            secrets.add(value.replace("\\", "\\\\").replace("\"", "\\\""));
        }
    }

    private static void addKeyLines(Set<String> secrets, String privateKey) {
        if (privateKey == null) {
            return;
        }
        privateKey.lines().map(String::strip)
                .filter(line -> line.length() >= MIN_KEY_LINE && !line.startsWith("-----"))
                .forEach(secrets::add);
    }
}
