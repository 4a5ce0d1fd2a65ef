package io.devops.platform.shared;

/**
 * A resource whose edits are checked against the version they were based on. Answers that are
 * Versioned carry it as the {@code ETag} header too ({@link VersionHeaders}), so a client can send
 * it back in {@code If-Match}.
 */
public interface Versioned {

    long version();
}
