package io.devops.platform.shared;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The request is valid but clashes with the current state (duplicate, locked, still in use). */
public class ConflictException extends PlatformException {

    private final Map<String, Object> properties;

    public ConflictException(String detail) {
        this(detail, Map.of());
    }

    /** {@code properties} become extra problem members, e.g. the runs that hold a node. */
    public ConflictException(String detail, Map<String, Object> properties) {
        super(detail);
        this.properties = Map.copyOf(properties);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
