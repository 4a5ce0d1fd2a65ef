package io.devops.platform.shared;

import java.util.Map;

/** An edit based on a version that is no longer the current one: 409 naming the current version. */
public class StaleVersionException extends ConflictException {

    public StaleVersionException(String what, long expected, long current) {
        super(what + " was changed since you read it: your edit is based on version " + expected
                + ", the current version is " + current + ". Read it again (GET), reapply your change and send"
                + " the new version", Map.of("currentVersion", current, "yourVersion", expected));
    }
}
