package io.devops.platform.catalog;

import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a change was based on: the {@code If-Match} header ({@code "3"}, {@code W/"3"} or
 * {@code 3}), else the request body's {@code version}. A stale one is refused with 409 and the
 * current version, never applied over someone else's change. A change that names none is applied
 * unconditionally, as before (the API contract predates this check); the console always names one.
 */
public record BasedOn(Integer version) {

    public static final BasedOn ANY = new BasedOn(null);

    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,9})\"?\\s*$");

    public static BasedOn of(String ifMatch, Integer bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return new BasedOn(bodyVersion);
        }
        Matcher m = ETAG.matcher(ifMatch);
        if (!m.matches()) {
            throw new InvalidInputException("If-Match", "must name the version the change is based on, such as \"3\"");
        }
        return new BasedOn(Integer.valueOf(m.group(1)));
    }

    public static BasedOn ifMatch(String ifMatch) {
        return of(ifMatch, null);
    }

    /** Refuses the change when it was based on another version than {@code current}. */
    public void check(String what, int current) {
        if (version != null && version != current) {
            throw new ConflictException(what + " was changed meanwhile: it is at version " + current
                    + ", this change was based on version " + version + ". Reload it and make the change again",
                    Map.of("currentVersion", current, "basedOnVersion", version));
        }
    }

    /** The entity tag of a version, as GET answers it and If-Match names it. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
