package io.devops.platform.identity;

import io.devops.platform.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;

/** The one rule for every password the platform accepts, including the first admin's. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    /** BCrypt reads 72 bytes and no more (Spring Security refuses longer input rather than ignore the rest). */
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    static void check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException(field, "must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException(field, "must be at most " + MAX_BYTES
                    + " bytes long (72 letters and digits, fewer with accented letters or other scripts)");
        }
        if (password.isBlank()) {
            throw new InvalidInputException(field, "must not be only spaces");
        }
    }
}
