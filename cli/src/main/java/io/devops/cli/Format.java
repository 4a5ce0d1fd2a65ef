package io.devops.cli;

/** How a command prints its data: {@code json} and {@code yaml} for scripts, {@code table} for people. */
enum Format {
    JSON, YAML, TABLE
}
