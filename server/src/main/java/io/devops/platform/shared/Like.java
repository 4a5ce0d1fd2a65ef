package io.devops.platform.shared;

/** LIKE patterns from user text: '%', '_' and '\' are matched literally. */
public final class Like {

    private Like() {
    }

    public static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    public static String startsWith(String text) {
        return escape(text) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
