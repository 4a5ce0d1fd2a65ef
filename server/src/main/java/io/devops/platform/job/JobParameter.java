package io.devops.platform.job;

import io.devops.platform.shared.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A variable a job asks for when it starts (a survey, as AWX calls it): runs pass the value to
 * Ansible as an extra variable. {@code defaultValue} is used when a start gives none; a required
 * parameter without a default must be given.
 */
public record JobParameter(String name, Type type, boolean required, Object defaultValue, List<String> choices, String description) {

    /** An Ansible variable name that cannot reach the connection settings ({@code ansible_*}) or the platform's own ({@code devops_*}). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    static final int MAX_PARAMETERS = 50;
    static final int MAX_TEXT = 4000;

    public enum Type { STRING, INT, BOOL, CHOICE }

    public JobParameter {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** Refuses a declaration Ansible could not take safely, naming the parameter at {@code where}. */
    void check(String where) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(where + ".name", "use a letter or '_' then up to 63 letters, digits or '_' (an Ansible variable name)");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ansible_") || lower.startsWith("devops_") || lower.equals("hostvars") || lower.equals("inventory_hostname")) {
            throw new InvalidInputException(where + ".name", "'" + name + "' is reserved: names starting with ansible_ or devops_"
                    + " (and Ansible's own variables) would change how the platform reaches the nodes");
        }
        if (type == null) {
            throw new InvalidInputException(where + ".type", "must be STRING, INT, BOOL or CHOICE");
        }
        if (type == Type.CHOICE && (choices.isEmpty() || new LinkedHashSet<>(choices).size() != choices.size()
                || choices.stream().anyMatch(choice -> choice == null || choice.isBlank()))) {
            throw new InvalidInputException(where + ".choices", "a CHOICE parameter lists its choices, each once and not blank");
        }
        if (type != Type.CHOICE && !choices.isEmpty()) {
            throw new InvalidInputException(where + ".choices", "only a CHOICE parameter has choices");
        }
        if (description != null && description.length() > 500) {
            throw new InvalidInputException(where + ".description", "at most 500 characters");
        }
        if (defaultValue != null) {
            accept(defaultValue, where + ".defaultValue");
        }
    }

    /** {@code given} as this parameter's type, or a 400 naming {@code field} and what was expected. */
    public Object accept(Object given, String field) {
        return switch (type) {
            case STRING -> {
                if (!(given instanceof String text) || text.length() > MAX_TEXT) {
                    throw new InvalidInputException(field, "'" + name + "' takes text of at most " + MAX_TEXT + " characters");
                }
                yield text;
            }
            case INT -> {
                if (given instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                        && Math.abs(number.doubleValue()) < 1e15) {
                    yield number.longValue();
                }
                throw new InvalidInputException(field, "'" + name + "' takes a whole number, not " + describe(given));
            }
            case BOOL -> {
                if (given instanceof Boolean flag) {
                    yield flag;
                }
                throw new InvalidInputException(field, "'" + name + "' takes true or false, not " + describe(given));
            }
            case CHOICE -> {
                if (given instanceof String text && choices.contains(text)) {
                    yield text;
                }
                throw new InvalidInputException(field, "'" + name + "' takes one of " + String.join(", ", choices) + (given instanceof String ? "" : ", not " + describe(given)));
            }
        };
    }

    /** What was given, by kind only: a value may be a secret, and an answer never repeats it. */
    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Boolean) {
            return "true/false";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return value instanceof java.util.Map<?, ?> ? "an object" : value instanceof java.util.List<?> ? "a list" : "a value";
    }
}
