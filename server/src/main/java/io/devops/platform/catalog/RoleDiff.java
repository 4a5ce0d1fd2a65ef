package io.devops.platform.catalog;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two versions of a role's files: each added, removed or changed path, with a
 * unified diff (3 lines of context) for text, or a note for binary and very large files. An upload's
 * preview adds the variables the new files declare and how they differ from the declared ones
 * (null elsewhere).
 */
record RoleDiff(int from, int to, List<FileChange> files, List<ProposedVariable> proposedVariables,
                VariableChanges variables) {

    enum Change { ADDED, REMOVED, CHANGED }

    /** {@code diff} is null for a file that is not text or too large to show. */
    record FileChange(String path, Change change, String diff, String note) {
    }

    static final int MAX_DIFF_BYTES = 1024 * 1024;

    static RoleDiff between(int from, RoleContent before, int to, RoleContent after) {
        Map<String, RoleContent.Entry> old = byPath(before);
        Map<String, RoleContent.Entry> now = byPath(after);
        List<FileChange> changes = new ArrayList<>();
        for (String path : new TreeSet<>(union(old, now))) {
            RoleContent.Entry a = old.get(path);
            RoleContent.Entry b = now.get(path);
            if (a != null && b != null && same(a, b)) {
                continue;
            }
            Change change = a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.CHANGED;
            changes.add(fileChange(path, change, a, b));
        }
        return new RoleDiff(from, to, changes, null, null);
    }

    RoleDiff withVariables(List<ProposedVariable> proposed, VariableChanges changes) {
        return new RoleDiff(from, to, files, proposed, changes);
    }

    private static FileChange fileChange(String path, Change change, RoleContent.Entry a, RoleContent.Entry b) {
        Optional<List<String>> left = lines(a);
        Optional<List<String>> right = lines(b);
        if (left.isEmpty() || right.isEmpty()) {
            return new FileChange(path, change, null, "binary or larger than " + MAX_DIFF_BYTES / 1024
                    + " KB: not shown (" + size(a) + " → " + size(b) + " bytes)");
        }
        String nameA = a == null ? "/dev/null" : "a/" + path;
        String nameB = b == null ? "/dev/null" : "b/" + path;
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(nameA, nameB, left.get(),
                DiffUtils.diff(left.get(), right.get()), 3);
        return new FileChange(path, change, String.join("\n", unified) + "\n", null);
    }

    /** A link shows as one line naming its target; a missing side as no lines. */
    private static Optional<List<String>> lines(RoleContent.Entry entry) {
        if (entry == null) {
            return Optional.of(List.of());
        }
        if (entry.kind() == RoleContent.Kind.LINK) {
            return Optional.of(List.of("-> " + entry.linkTarget()));
        }
        if (entry.body().length > MAX_DIFF_BYTES) {
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(entry.body())).toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(Arrays.asList(text.split("\n", -1)));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean same(RoleContent.Entry a, RoleContent.Entry b) {
        return a.kind() == b.kind() && (a.kind() == RoleContent.Kind.LINK
                ? a.linkTarget().equals(b.linkTarget()) : Arrays.equals(a.body(), b.body()));
    }

    private static long size(RoleContent.Entry entry) {
        return entry == null ? 0 : entry.size();
    }

    private static Map<String, RoleContent.Entry> byPath(RoleContent content) {
        return content.entries().stream().collect(Collectors.toMap(RoleContent.Entry::path, Function.identity()));
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> all = new ArrayList<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
