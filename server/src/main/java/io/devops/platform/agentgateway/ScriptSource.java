package io.devops.platform.agentgateway;

import io.devops.platform.shared.InvalidInputException;
import java.util.regex.Pattern;

/** What a command runs: script text given now, or a script already stored under its SHA-256. */
public sealed interface ScriptSource {

    record Inline(String content) implements ScriptSource {
        public Inline {
            if (content == null || content.isEmpty()) {
                throw new InvalidInputException("script", "must not be empty");
            }
        }
    }

    record Stored(String sha256) implements ScriptSource {
        private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

        public Stored {
            if (sha256 == null || !HEX.matcher(sha256).matches()) {
                throw new InvalidInputException("scriptSha256", "must be 64 lower-case hex digits");
            }
        }
    }
}
