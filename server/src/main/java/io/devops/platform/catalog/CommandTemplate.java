package io.devops.platform.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command with {@code <name>} placeholders (the seed's {@code <node_pool>}). Placeholders are
 * only allowed where a single-quoted word stays one literal word: outside quotes, comments and
 * here-documents, and not right after {@code \} or {@code $}. Parsing finds every placeholder,
 * so undeclared ones are caught when the shell is saved, not when it runs.
 *
 * <p>Quoting is no protection in arithmetic: bash evaluates {@code $((...))}, {@code ((...))},
 * {@code $[...]}, {@code let} and the operands of {@code [[ a -eq b ]]} as expressions, and an
 * expression like {@code a[$(cmd)]} runs {@code cmd} even when it came single-quoted. Placeholders
 * there are marked {@link Placeholder#arithmetic()} and take only decimal integers.
 */
final class CommandTemplate {

    sealed interface Part permits Text, Placeholder {
    }

    record Text(String text) implements Part {
    }

    record Placeholder(String name, boolean arithmetic) implements Part {
    }

    static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern ARITHMETIC_TEST = Pattern.compile("(?s).*\\s-(eq|ne|lt|le|gt|ge)\\s.*");
    private static final String COMMAND_START = ";&|\n(";
    private static final Set<String> KEYWORDS = Set.of("if", "elif", "while", "until", "then", "do", "else", "!", "time");

    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z_][A-Za-z0-9_]{0,63})>");

    private final List<Part> parts;

    private CommandTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Parses {@code text}, or throws IllegalArgumentException saying which placeholder sits where it may not. */
    static CommandTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        var literal = new StringBuilder();
        char quote = 0; // ' or " or $ (for $'...'), 0 outside quotes
        boolean comment = false;
        boolean heredoc = false;
        var arithmetic = new ArithmeticContext();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Matcher m = PLACEHOLDER.matcher(text).region(i, text.length());
            if (c == '<' && m.lookingAt()) {
                String name = m.group(1);
                String where = quote != 0 ? "inside quotes" : comment ? "inside a comment"
                        : i > 0 && (text.charAt(i - 1) == '\\' || text.charAt(i - 1) == '$') ? "right after \\ or $" : null;
                if (where != null) {
                    throw new IllegalArgumentException("<" + name + "> is " + where
                            + "; write it as a bare word: the platform quotes every value itself");
                }
                parts.add(new Text(literal.toString()));
                literal.setLength(0);
                arithmetic.placeholder();
                parts.add(new Placeholder(name, arithmetic.inside()));
                i = m.end() - 1;
                continue;
            }
            literal.append(c);
            if (comment) {
                comment = c != '\n';
            } else if (quote == 0) {
                if (c == '\\' && i + 1 < text.length()) {
                    Matcher escaped = PLACEHOLDER.matcher(text).region(i + 1, text.length());
                    if (escaped.lookingAt()) {
                        throw new IllegalArgumentException("<" + escaped.group(1) + "> is right after \\; "
                                + "write it as a bare word: the platform quotes every value itself");
                    }
                    literal.append(text.charAt(++i));
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    quote = '$';
                    literal.append(text.charAt(++i));
                } else if (c == '#' && (i == 0 || " \t\n;&|(".indexOf(text.charAt(i - 1)) >= 0)) {
                    comment = true;
                } else {
                    arithmetic.read(text, i, parts);
                }
                if (c == '<' && quote == 0 && text.startsWith("<<", i) && !text.startsWith("<<<", i)
                        && (i == 0 || text.charAt(i - 1) != '<')) {
                    heredoc = true;
                }
            } else if ((quote == '"' || quote == '$') && c == '\\' && i + 1 < text.length()) {
                literal.append(text.charAt(++i));
            } else if (c == quote || (quote == '$' && c == '\'')) {
                quote = 0;
            }
        }
        parts.add(new Text(literal.toString()));
        var template = new CommandTemplate(parts);
        if (heredoc && !template.placeholders().isEmpty()) {
            throw new IllegalArgumentException("a command with a here-document (<<) cannot take parameters; "
                    + "pass them as arguments to a script instead");
        }
        return template;
    }

    /** The placeholders whose values bash evaluates as arithmetic: they take integers only. */
    Set<String> arithmeticPlaceholders() {
        Set<String> names = new LinkedHashSet<>();
        parts.stream().filter(p -> p instanceof Placeholder h && h.arithmetic())
                .forEach(p -> names.add(((Placeholder) p).name()));
        return names;
    }

    /** The placeholder names in order of first appearance. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        parts.stream().filter(p -> p instanceof Placeholder).forEach(p -> names.add(((Placeholder) p).name()));
        return names;
    }

    /** The command with each placeholder replaced by its shell-quoted value. */
    String render(Map<String, String> values) {
        var out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Text text ? text.text() : rendered((Placeholder) part, values.get(((Placeholder) part).name())));
        }
        return out.toString();
    }

    private static String rendered(Placeholder placeholder, String value) {
        if (!placeholder.arithmetic()) {
            return ShellQuoting.quote(value);
        }
        if (!INTEGER.matcher(value).matches()) {
            throw new IllegalArgumentException("<" + placeholder.name() + "> is used in shell arithmetic, where only"
                    + " a decimal integer is safe");
        }
        return value;
    }

    /**
     * Where the parser is in arithmetic: inside {@code ((...))} or {@code $[...]} (by bracket depth),
     * after {@code let} up to the end of the command, or inside a {@code [[ ... ]]} that compares
     * numbers (known only at its end, so its placeholders are marked then).
     */
    private static final class ArithmeticContext {

        private int parens;
        private int brackets;
        private boolean let;
        private int testFrom = -1;
        private final StringBuilder test = new StringBuilder();

        boolean inside() {
            return parens > 0 || brackets > 0 || let;
        }

        /** A placeholder is a word of its own, also inside {@code [[ ]]}, whose text is checked at its end. */
        void placeholder() {
            if (testFrom >= 0) {
                test.append(" <> ");
            }
        }

        /** Reads the unquoted character at {@code i}. */
        void read(String text, int i, List<Part> parts) {
            char c = text.charAt(i);
            if (testFrom >= 0) {
                test.append(c);
            }
            if (parens > 0) {
                parens += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (c == '(' && text.startsWith("((", i)) {
                parens = 1; // the second ( counts when it is read
            } else if (brackets > 0) {
                brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
            } else if (c == '$' && text.startsWith("$[", i)) {
                brackets = -1; // the [ read next opens it
            } else if (brackets < 0 && c == '[') {
                brackets = 1;
            } else if (let && COMMAND_START.indexOf(c) >= 0) {
                let = false;
            } else if (c == 'l' && text.startsWith("let ", i) && atCommandStart(text, i)) {
                let = true;
            } else if (c == '[' && text.startsWith("[[", i) && testFrom < 0 && atCommandStart(text, i)) {
                testFrom = parts.size();
                test.setLength(0);
            } else if (c == ']' && text.startsWith("]]", i) && testFrom >= 0) {
                if (ARITHMETIC_TEST.matcher(test).matches()) {
                    for (int p = testFrom; p < parts.size(); p++) {
                        if (parts.get(p) instanceof Placeholder h) {
                            parts.set(p, new Placeholder(h.name(), true));
                        }
                    }
                }
                testFrom = -1;
            }
        }

        /** Whether a command starts at {@code i}: after a separator, or after a keyword such as {@code if}. */
        private static boolean atCommandStart(String text, int i) {
            int end = i;
            while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
                end--;
            }
            if (end == 0 || COMMAND_START.indexOf(text.charAt(end - 1)) >= 0) {
                return true;
            }
            int start = end;
            while (start > 0 && " \t\n;&|(".indexOf(text.charAt(start - 1)) < 0) {
                start--;
            }
            return KEYWORDS.contains(text.substring(start, end));
        }
    }

    /** For report paths: placeholders replaced by the plain value (paths are not shell text). */
    String fill(Map<String, String> values) {
        var out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Text text ? text.text() : values.get(((Placeholder) part).name()));
        }
        return out.toString();
    }
}
