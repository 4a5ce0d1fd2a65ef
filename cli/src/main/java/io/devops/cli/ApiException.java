package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** The server answered an error: its status, the problem's {@code detail} and the whole body when it was JSON. */
final class ApiException extends CliException {

    private final int status;
    private final transient JsonNode body;

    ApiException(int status, String message, JsonNode body) {
        super(ExitCodes.forHttpStatus(status), message);
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    /** The answer's JSON body (a problem, or a plan with conflicts), or null. */
    JsonNode body() {
        return body;
    }
}
