package io.devops.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines a log gained since the last poll, remembering where it stopped (its {@link #position()},
 * kept in the agent's state file). A new source starts at its end: lines from before the agent
 * watched are the acceptance checks' business. Empty when the log cannot be read now.
 */
interface LogTail {

    Optional<List<String>> newLines();

    String position();

    void restore(String position);

    /** {@code journal}: the kernel's messages through journalctl; anything else: a file (kern.log, fabricmanager.log). */
    static LogTail of(String source) {
        return source.equals("journal") ? new Journal() : new FileTail(Path.of(source));
    }

    /** A plain file, followed by byte offset; a replaced (rotated) or shortened file is read from its start. */
    final class FileTail implements LogTail {

        /** The most read in one poll; the rest waits for the next, so that a flood costs a bounded amount each minute. */
        static final int MAX_BYTES_PER_POLL = 4 * 1024 * 1024;

        private final Path file;
        private Object fileKey;
        private String savedKey;
        private long offset = -1;

        FileTail(Path file) {
            this.file = file;
        }

        @Override
        public Optional<List<String>> newLines() {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                long size = channel.size();
                boolean replaced = fileKey != null ? !fileKey.equals(key) : savedKey != null && !savedKey.equals(String.valueOf(key));
                if (offset < 0) {
                    offset = size;
                } else if (replaced || size < offset) {
                    offset = 0;
                }
                fileKey = key;
                savedKey = null;
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - offset, MAX_BYTES_PER_POLL));
                channel.read(buffer, offset);
                int end = lastNewline(buffer.array(), buffer.position());
                offset += end;
                return Optional.of(new String(buffer.array(), 0, end, StandardCharsets.UTF_8).lines().toList());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** A line still being written waits for its newline. */
        private static int lastNewline(byte[] bytes, int length) {
            for (int i = length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    return i + 1;
                }
            }
            return length == MAX_BYTES_PER_POLL ? length : 0;
        }

        @Override
        public String position() {
            return offset < 0 ? null : fileKey + "@" + offset;
        }

        @Override
        public void restore(String position) {
            int at = position == null ? -1 : position.lastIndexOf('@');
            if (at >= 0) {
                savedKey = position.substring(0, at);
                offset = Long.parseLong(position.substring(at + 1));
            }
        }
    }

    /** {@code journalctl -k} after a cursor; the first poll only takes the cursor of the newest message. */
    final class Journal implements LogTail {

        private static final String CURSOR = "-- cursor: ";
        private String cursor;

        @Override
        public Optional<List<String>> newLines() {
            List<String> command = new ArrayList<>(List.of("journalctl", "-k", "--no-pager", "-q", "-o", "short-iso",
                    "--show-cursor"));
            command.add(cursor == null ? "--lines=0" : "--after-cursor=" + cursor);
            Tool.Result result = Tool.run(command, Duration.ofSeconds(20));
            if (!result.ok()) {
                return Optional.empty();
            }
            List<String> lines = new ArrayList<>();
            for (String line : result.output().lines().toList()) {
                if (line.startsWith(CURSOR)) {
                    cursor = line.substring(CURSOR.length()).strip();
                } else {
                    lines.add(line);
                }
            }
            return cursor == null ? Optional.empty() : Optional.of(lines); // no cursor: no journal to follow
        }

        @Override
        public String position() {
            return cursor;
        }

        @Override
        public void restore(String position) {
            cursor = position;
        }
    }
}
