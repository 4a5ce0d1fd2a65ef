package io.devops.platform.inventory;

import io.devops.platform.shared.PlatformException;
import org.springframework.http.HttpStatus;

/** A change the URL rules let an OPERATOR request but that only an ADMIN may make. */
class AdminOnlyException extends PlatformException {

    AdminOnlyException(String detail) {
        super(detail);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
