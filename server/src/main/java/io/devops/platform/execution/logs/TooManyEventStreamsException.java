package io.devops.platform.execution.logs;

import io.devops.platform.shared.PlatformException;
import org.springframework.http.HttpStatus;

/** A user already holds as many run event streams as allowed: answered 429. */
class TooManyEventStreamsException extends PlatformException {

    TooManyEventStreamsException(String user, int max) {
        super("'" + user + "' already has " + max + " live run event streams open on this server, the most allowed "
                + "(devops.execution.events.max-streams-per-user): close one (a page or tab following a run) and retry");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }
}
