package io.devops.platform.shared;

/**
 * Text from outside (an agent, an archive, a sign-in form) checked for, or cleaned of, the
 * characters that forge log lines or hide what is shown: C0 and C1 controls, DEL, line and
 * paragraph separators, format characters (bidirectional overrides, zero-width marks) and lone
 * surrogates.
 */
public final class PrintableText {

    private PrintableText() {
    }

    public static boolean isControl(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    public static boolean hasControl(String text) {
        return text != null && text.codePoints().anyMatch(PrintableText::isControl);
    }

    /** One safe line: each control character as '?', cut to {@code max} characters with '…'. */
    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > max ? text.substring(0, max) + "…" : text;
        return cut.codePoints()
                .map(c -> isControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
