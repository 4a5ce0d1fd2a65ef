package io.devops.platform.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an API token may be used for, on top of (never beyond) its owner's role as it is now:
 * {@code read} the safe methods, {@code run} starting, cancelling, resuming and re-running runs,
 * {@code admin} whatever the owner's role allows. The table below is the whole rule.
 */
enum TokenScope {
    READ, RUN, ADMIN;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern RUN_CALLS = Pattern.compile("/api/v1/(jobs/\\d+/runs(/preview)?|runs/\\d+/(cancel|resume|rerun-failed))/?");

    /** Before scopes existed a token acted with its owner's full role: a token made without scopes still does. */
    static final Set<TokenScope> ALL = EnumSet.allOf(TokenScope.class);

    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<TokenScope> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(text)).findFirst();
    }

    /** Whether a token with {@code scopes} may make this call at all (the owner's role is checked after). */
    static boolean allow(Set<TokenScope> scopes, String method, String path) {
        if (scopes.contains(ADMIN)) {
            return true;
        }
        if (SAFE_METHODS.contains(method)) {
            return scopes.contains(READ);
        }
        return scopes.contains(RUN) && "POST".equals(method) && RUN_CALLS.matcher(path).matches();
    }

    /** Stored as {@code read,run}; in the API as {@code ["read","run"]}. */
    static String stored(Set<TokenScope> scopes) {
        return scopes.stream().sorted().map(TokenScope::apiName).collect(Collectors.joining(","));
    }

    static Set<TokenScope> fromStored(String text) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String name : text.split(",")) {
            parse(name.trim()).ifPresent(scopes::add);
        }
        return scopes;
    }

    static List<String> apiNames(Set<TokenScope> scopes) {
        return scopes.stream().sorted().map(TokenScope::apiName).toList();
    }
}
