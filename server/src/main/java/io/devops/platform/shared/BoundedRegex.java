package io.devops.platform.shared;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Matches a user-supplied regular expression within a time bound. java.util.regex backtracks, so a
 * pattern like {@code (a+)+$} takes exponential time on {@code aaaa...!}; no linear-time engine is
 * available offline here, so the text is wrapped in a {@link CharSequence} whose {@code charAt}
 * checks a deadline (the matcher reads the text through it at every step) and gives up past it.
 */
public final class BoundedRegex {

    /** Far above any honest match of a parameter value, far below a request thread worth losing. */
    public static final Duration DEFAULT_LIMIT = Duration.ofMillis(200);

    private BoundedRegex() {
    }

    /** Whether the whole text matches; throws {@link TooSlowException} past the limit. */
    public static boolean matches(Pattern pattern, CharSequence text, Duration limit) {
        return pattern.matcher(new Deadlined(text, System.nanoTime() + limit.toNanos(), pattern.pattern())).matches();
    }

    public static boolean matches(Pattern pattern, CharSequence text) {
        return matches(pattern, text, DEFAULT_LIMIT);
    }

    /** The pattern took too long on a text: an input problem of whoever wrote the pattern. */
    public static final class TooSlowException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        TooSlowException(String pattern) {
            super("the pattern " + pattern + " takes too long to match (it backtracks catastrophically, e.g. a"
                    + " nested repetition like (a+)+); rewrite it without nested or overlapping repetitions");
        }
    }

    /** Checks the clock every few reads only: nanoTime is cheap, but charAt is called very often. */
    private static final class Deadlined implements CharSequence {

        private final CharSequence text;
        private final long deadline;
        private final String pattern;
        private int reads;

        Deadlined(CharSequence text, long deadline, String pattern) {
            this.text = text;
            this.deadline = deadline;
            this.pattern = pattern;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3ff) == 0 && System.nanoTime() - deadline > 0) {
                throw new TooSlowException(pattern);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadlined(text.subSequence(start, end), deadline, pattern);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
