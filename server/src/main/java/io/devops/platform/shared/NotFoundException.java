package io.devops.platform.shared;

import org.springframework.http.HttpStatus;

/** The addressed resource, or one that a request refers to, does not exist. */
public class NotFoundException extends PlatformException {

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " does not exist");
    }

    /** For references that need more words than "kind id", such as a pool named in an import. */
    public NotFoundException(String detail) {
        super(detail);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
