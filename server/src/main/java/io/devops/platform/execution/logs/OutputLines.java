package io.devops.platform.execution.logs;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns an agent command's output chunks back into lines. A chunk ends wherever the agent cut it
 * (its size, or the moment it was sent), often inside a line: the unfinished end waits for the
 * next chunk of the same stream. Lines end at \n, \r\n or \r, as {@code BufferedReader} reads
 * Ansible's output, even when the \r\n pair is cut in two. A line longer than
 * {@link #MAX_LINE_CHARS} is broken there, so that one log chunk always fits a database row.
 */
public final class OutputLines {

    static final int MAX_LINE_CHARS = 1024 * 1024;

    private final Map<String, Partial> streams = new HashMap<>();

    /** Passes every line the chunk completes, without its line end, to {@code line}. */
    public void add(String stream, String chunk, Consumer<String> line) {
        streams.computeIfAbsent(stream, s -> new Partial()).add(chunk, line);
    }

    /** The output has ended: an unfinished last line of each stream is a line too. */
    public void end(Consumer<String> line) {
        streams.values().forEach(partial -> partial.end(line));
        streams.clear();
    }

    private static final class Partial {
        private final StringBuilder text = new StringBuilder();
        private boolean afterCr;

        public void add(String chunk, Consumer<String> line) {
            int start = 0;
            if (afterCr && chunk.startsWith("\n")) {
                start = 1; // the \n of a \r\n cut between two chunks
            }
            afterCr = false;
            for (int i = start; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (c == '\n' || c == '\r') {
                    append(chunk, start, i, line);
                    line.accept(text.toString());
                    text.setLength(0);
                    if (c == '\r' && i + 1 == chunk.length()) {
                        afterCr = true;
                    } else if (c == '\r' && chunk.charAt(i + 1) == '\n') {
                        i++;
                    }
                    start = i + 1;
                }
            }
            append(chunk, start, chunk.length(), line);
        }

        private void append(String chunk, int from, int to, Consumer<String> line) {
            text.append(chunk, from, to);
            while (text.length() > MAX_LINE_CHARS) {
                int cut = Character.isHighSurrogate(text.charAt(MAX_LINE_CHARS - 1)) ? MAX_LINE_CHARS - 1 : MAX_LINE_CHARS;
                line.accept(text.substring(0, cut));
                text.delete(0, cut);
            }
        }

        public void end(Consumer<String> line) {
            if (!text.isEmpty()) {
                line.accept(text.toString());
                text.setLength(0);
            }
        }
    }
}
