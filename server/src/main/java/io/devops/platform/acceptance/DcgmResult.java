package io.devops.platform.acceptance;

/**
 * One result of {@code dcgmi diag}: a test (in a category) on a GPU, or on all GPUs when {@code gpus}
 * is null (the deployment tests), its status as DCGM wrote it, and DCGM's warning or error text.
 */
record DcgmResult(String category, String test, String gpus, Status status, String rawStatus, String message) {

    enum Status {
        PASS, WARN, FAIL, SKIP, UNKNOWN;

        static Status of(String text) {
            String word = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
            if (word.startsWith("pass")) {
                return PASS;
            }
            if (word.startsWith("fail")) {
                return FAIL;
            }
            if (word.startsWith("warn")) {
                return WARN;
            }
            return word.startsWith("skip") || word.equals("not run") ? SKIP : UNKNOWN;
        }
    }

    DcgmResult withMessage(String more) {
        String joined = message == null || message.isEmpty() ? more : message + more;
        return new DcgmResult(category, test, gpus, status, rawStatus, joined);
    }

    /** The message with runs of spaces collapsed (wrapped table cells leave some). */
    DcgmResult normalized() {
        return new DcgmResult(category, test, gpus, status, rawStatus, message == null ? "" : message.replaceAll("\\s+", " ").strip());
    }
}
