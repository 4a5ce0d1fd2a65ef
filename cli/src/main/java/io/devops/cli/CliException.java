package io.devops.cli;

/** A failure that ends the command with its exit code and a message for the user (never a secret). */
class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    static CliException failed(String message) {
        return new CliException(ExitCodes.FAILED, message);
    }
}
