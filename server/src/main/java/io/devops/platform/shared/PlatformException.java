package io.devops.platform.shared;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on. The handler turns it into {@code application/problem+json}
 * with the message as {@code detail} and {@link #properties()} as extra members.
 */
public abstract class PlatformException extends RuntimeException {

    protected PlatformException(String detail) {
        super(detail);
    }

    public abstract HttpStatus status();

    /** Extra problem members, such as per-field or per-line errors. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
