package io.devops.platform.identity;

import io.devops.platform.shared.InvalidInputException;

/** The one rule for every password the platform accepts, including the first admin's. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static void check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "must have between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new InvalidInputException(field, "must not be only spaces");
        }
    }
}
