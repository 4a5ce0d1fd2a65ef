package io.devops.platform.acceptance;

import java.util.Locale;

/** Figures as the messages print them: two decimals, a dot whatever the locale. */
final class Figures {

    private Figures() {
    }

    static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** ", and <tool> exited with status N" when the role recorded a non-zero exit, else "". */
    static String exitNote(ToolOutput tool, String name) {
        return tool.exitStatus().isPresent() && tool.exitStatus().getAsInt() != 0
                ? " (" + name + " exited with status " + tool.exitStatus().getAsInt() + ")" : "";
    }

    /** The last non-blank line of a text, cut to 160 characters: what a tool said before it stopped. */
    static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return last.length() <= 160 ? last : last.substring(0, 160) + "…";
    }
}
