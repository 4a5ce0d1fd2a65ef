package io.devops.platform.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version an edit was based on: from the {@code If-Match} header (the ETag of a GET, e.g.
 * {@code "3"}) and/or a {@code version} field in the body. None given is accepted and overwrites
 * whatever is there, as every edit did before versions existed (docs/API-ADDITIONS.md); a controller
 * method receives one of these as a parameter (see {@link VersionHeaders}).
 */
public record ExpectedVersion(Long value) {

    public static final ExpectedVersion ANY = new ExpectedVersion(null);
    private static final Pattern ETAG = Pattern.compile("(W/)?\"(\\d{1,18})\"");

    /** {@code If-Match} as sent: absent and {@code *} ask for no particular version. */
    public static ExpectedVersion fromIfMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return ANY;
        }
        Matcher m = ETAG.matcher(header.trim());
        if (!m.matches()) {
            throw new InvalidInputException("If-Match", "must be one ETag as a GET answered it, e.g. \"3\"; got "
                    + PrintableText.of(header, 40));
        }
        return new ExpectedVersion(Long.parseLong(m.group(2)));
    }

    /** Adds the body's {@code version} field; the two must agree when both are given. */
    public ExpectedVersion and(Long bodyVersion) {
        if (bodyVersion == null) {
            return this;
        }
        if (value != null && !value.equals(bodyVersion)) {
            throw new InvalidInputException("version", "is " + bodyVersion + " but If-Match says " + value
                    + "; send the same version in both, or only one of them");
        }
        return new ExpectedVersion(bodyVersion);
    }

    public boolean isAny() {
        return value == null;
    }
}
