package io.devops.platform.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese wording of the server's refusals, keyed by their English text as gettext keys by
 * msgid: the message is written once, in English, where it is raised, and this catalogue holds
 * its translation. An English template names its variable parts ({@code {name}}); the Chinese one
 * uses the same names. A part named {@code kind} or {@code message} is itself translated when the
 * catalogue knows it (a kind of object, a nested refusal), so that "Node pool 7 does not exist"
 * reads 节点池 7 不存在. Text the catalogue does not know stays English: never a wrong translation.
 */
final class ProblemTranslations {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Set<String> TRANSLATED_PARTS = Set.of("kind", "message");
    /** Parts that are one word (a number, an address, a state): so that "Node pool 7" splits as kind and id. */
    private static final Set<String> WORD_PARTS = Set.of("id", "ip", "count", "min", "max", "length", "line",
            "column", "status", "state", "depth", "current", "based", "nodes", "pools", "header");
    private static final int MAX_DEPTH = 3;

    private final List<Template> templates;

    private ProblemTranslations(List<Template> templates) {
        this.templates = templates.stream()
                .sorted(Comparator.comparingInt(Template::literalLength).reversed())
                .toList();
    }

    /** The catalogue shipped with the server: {@code i18n/problems-zh-CN.txt}. */
    static ProblemTranslations chinese() {
        try (InputStream in = ProblemTranslations.class.getResourceAsStream("/i18n/problems-zh-CN.txt")) {
            if (in == null) {
                throw new IllegalStateException("i18n/problems-zh-CN.txt is missing from the server's resources");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads pairs of lines {@code en: ...} and {@code zh: ...}; blank lines and lines starting with
     * {@code #} are comments. A pair whose two sides name different parts is refused here, at
     * start, rather than printing a sentence with a hole in it.
     */
    static ProblemTranslations parse(List<String> lines) {
        List<Template> templates = new ArrayList<>();
        String english = null;
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("en: ") && english == null) {
                english = line.substring(4).strip();
            } else if (line.startsWith("zh: ") && english != null) {
                templates.add(Template.of(english, line.substring(4).strip(), number));
                english = null;
            } else {
                throw new IllegalStateException("problems-zh-CN.txt line " + number
                        + ": expected " + (english == null ? "'en: '" : "'zh: '") + " here");
            }
        }
        if (english != null) {
            throw new IllegalStateException("problems-zh-CN.txt ends with an 'en:' line that has no 'zh:' line");
        }
        return new ProblemTranslations(templates);
    }

    /** The Chinese text of {@code english}, when the catalogue knows it. */
    Optional<String> translate(String english) {
        return translate(english, 0);
    }

    /** {@code english} in Chinese where the catalogue knows it, else unchanged. */
    String translateOrKeep(String english) {
        return english == null ? null : translate(english).orElse(english);
    }

    int size() {
        return templates.size();
    }

    private Optional<String> translate(String english, int depth) {
        if (english == null || english.isBlank() || depth > MAX_DEPTH) {
            return Optional.empty();
        }
        for (Template template : templates) {
            Matcher matcher = template.pattern().matcher(english);
            if (matcher.matches()) {
                return Optional.of(template.fill(matcher, part -> translatePart(part, depth)));
            }
        }
        return Optional.empty();
    }

    /** A nested part: a list of refusals joined by "; " is translated item by item. */
    private String translatePart(String part, int depth) {
        Optional<String> whole = translate(part, depth + 1);
        if (whole.isPresent() || !part.contains("; ")) {
            return whole.orElse(part);
        }
        List<String> items = new ArrayList<>();
        for (String item : part.split("; ")) {
            items.add(translate(item, depth + 1).orElse(item));
        }
        return String.join("；", items);
    }

    private record Template(Pattern pattern, List<String> names, String chinese, int literalLength) {

        static Template of(String english, String chinese, int line) {
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            Matcher matcher = PLACEHOLDER.matcher(english);
            int literal = 0;
            int at = 0;
            while (matcher.find()) {
                regex.append(Pattern.quote(english.substring(at, matcher.start())))
                        .append(WORD_PARTS.contains(matcher.group(1)) ? "(\\S+)" : "(.+?)");
                literal += matcher.start() - at;
                names.add(matcher.group(1));
                at = matcher.end();
            }
            regex.append(Pattern.quote(english.substring(at)));
            literal += english.length() - at;
            Set<String> chineseNames = new LinkedHashSet<>();
            PLACEHOLDER.matcher(chinese).results().forEach(result -> chineseNames.add(result.group(1)));
            if (!chineseNames.equals(new LinkedHashSet<>(names)) || names.size() != new LinkedHashSet<>(names).size()) {
                throw new IllegalStateException("problems-zh-CN.txt line " + line + ": the Chinese text names "
                        + chineseNames + ", the English " + names + "; each part once, the same in both");
            }
            return new Template(Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(names), chinese, literal);
        }

        String fill(Matcher matcher, UnaryOperator<String> translatePart) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String value = matcher.group(i + 1);
                values.put(names.get(i), TRANSLATED_PARTS.contains(names.get(i)) ? translatePart.apply(value) : value);
            }
            return PLACEHOLDER.matcher(chinese).replaceAll(result -> Matcher.quoteReplacement(values.get(result.group(1))));
        }
    }
}
