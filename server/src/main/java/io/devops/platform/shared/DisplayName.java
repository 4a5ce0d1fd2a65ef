package io.devops.platform.shared;

import io.devops.platform.shared.InvalidInputException.InputError;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/**
 * The rule for names people give tenants, pools, users, jobs and templates: any Unicode text
 * ({@code 交付任务-北京A区}), 1 to 64 characters, without control or invisible formatting characters
 * (they forge log lines and make two names look alike). Stored stripped and in NFC, so that a name
 * typed twice in different Unicode forms is the same name. Where Ansible or a path needs an
 * identifier, {@link Slug} derives one from the name.
 */
public final class DisplayName {

    public static final int MAX_LENGTH = 64;
    public static final String REQUIRED = "name.required";
    public static final String TOO_LONG = "name.length";
    public static final String CONTROL = "name.control";
    public static final String DUPLICATE = "name.duplicate";
    public static final String SLUG_DUPLICATE = "name.slugDuplicate";

    private DisplayName() {
    }

    /** The name as stored, or a 400 naming the rule it breaks. */
    public static String check(String field, String name) {
        return check(field, name, MAX_LENGTH);
    }

    /** As {@link #check(String, String)} with another bound (job and template names kept 128 before). */
    public static String check(String field, String name, int maxLength) {
        String normalized = name == null ? "" : Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        if (normalized.isEmpty()) {
            throw refused(field, "is required", REQUIRED, null);
        }
        if (PrintableText.hasControl(normalized)) {
            throw refused(field, "must not contain control or invisible formatting characters (line breaks, tabs,"
                    + " zero-width or bidirectional marks)", CONTROL, null);
        }
        int length = normalized.codePointCount(0, normalized.length());
        if (length > maxLength) {
            throw refused(field, "use 1 to " + maxLength + " characters, not " + length, TOO_LONG, maxLength);
        }
        return normalized;
    }

    /** An optional name (a user's display name): null or blank stays null, anything else obeys the rule. */
    public static String checkOptional(String field, String name) {
        return name == null || name.isBlank() ? null : check(field, name);
    }

    /** A 409 saying that another {@code kind} has this name already. */
    public static ConflictException duplicate(String kind, String name) {
        return duplicate(kind, name, "choose another name");
    }

    /** As {@link #duplicate(String, String)}, saying what to do instead ({@code edit it to make a new version}). */
    public static ConflictException duplicate(String kind, String name, String advice) {
        return clash("A " + kind + " named '" + name + "' already exists; " + advice, DUPLICATE);
    }

    /** A 409 saying that two different names derive the same identifier. */
    public static ConflictException duplicateSlug(String kind, String name, String slug, String other) {
        return clash("The name '" + name + "' gives the identifier '" + slug + "', which the " + kind + " '" + other
                + "' has already; choose another name", SLUG_DUPLICATE);
    }

    private static ConflictException clash(String detail, String rule) {
        return new ConflictException(detail, Map.of("errors", List.of(new InputError("name", detail, rule, null))));
    }

    private static InvalidInputException refused(String field, String message, String rule, Integer limit) {
        return new InvalidInputException(field + ": " + message, List.of(new InputError(field, message, rule, limit)));
    }
}
