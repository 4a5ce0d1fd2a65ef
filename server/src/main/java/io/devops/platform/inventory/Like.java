package io.devops.platform.inventory;

/** LIKE patterns from user text: '%', '_' and '\' are matched literally. */
final class Like {

    private Like() {
    }

    static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    static String startsWith(String text) {
        return escape(text) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
