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
 */
final class CommandTemplate {

    sealed interface Part permits Text, Placeholder {
    }

    record Text(String text) implements Part {
    }

    record Placeholder(String name) implements Part {
    }

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
                parts.add(new Placeholder(name));
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
                } else if (c == '<' && text.startsWith("<<", i) && !text.startsWith("<<<", i)
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
            out.append(part instanceof Text text ? text.text()
                    : ShellQuoting.quote(values.get(((Placeholder) part).name())));
        }
        return out.toString();
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
