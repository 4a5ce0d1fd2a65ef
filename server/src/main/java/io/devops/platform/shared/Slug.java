package io.devops.platform.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identifier the platform derives from a display name where Ansible or a path needs one
 * ({@code pool_<slug>}): lower-case ASCII letters, digits and single '_' only, so it can never
 * inject into YAML, Jinja, a shell or a path. A name that is already such an identifier is its own
 * slug; any other name gets its ASCII letters and digits (accents dropped) and 8 hex digits of the
 * SHA-256 of the exact name, so that {@code 交付任务-北京A区} and {@code 交付任务-北京B区} never
 * meet. The same name always gives the same slug: renaming changes it.
 */
public final class Slug {

    public static final int MAX_LENGTH = 64;
    private static final int MAX_STEM = 40;
    private static final int HASH_HEX = 8;

    private Slug() {
    }

    public static String of(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (folded.equals(name) && folded.length() <= MAX_LENGTH) {
            return folded;
        }
        String stem = folded.length() > MAX_STEM ? folded.substring(0, MAX_STEM).replaceAll("_+$", "") : folded;
        String hash = hash(name);
        return stem.isEmpty() ? hash : stem + "_" + hash;
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
