package io.devops.cli;

/**
 * The exit codes scripts rely on (API.md): 0 success, 1 the run or call failed, 2 the command line
 * is wrong, 3 the server could not be reached or refused to serve (try again later, or fix the
 * token).
 */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNAVAILABLE = 3;

    private ExitCodes() {
    }

    /**
     * The exit code of an HTTP error answer: 401/403 (the token), 429 (too busy) and 5xx are the
     * server refusing to serve, 3; any other refusal (400, 404, 409...) is this call failing, 1.
     */
    static int forHttpStatus(int status) {
        if (status == 401 || status == 403 || status == 429 || status >= 500) {
            return UNAVAILABLE;
        }
        return status >= 400 ? FAILED : OK;
    }
}
