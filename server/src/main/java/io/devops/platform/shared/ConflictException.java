package io.devops.platform.shared;

import org.springframework.http.HttpStatus;

/** The request is valid but clashes with the current state (duplicate, locked, still in use). */
public class ConflictException extends PlatformException {

    public ConflictException(String detail) {
        super(detail);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
