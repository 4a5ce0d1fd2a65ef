package io.devops.platform.acceptance;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming rule between a node's report files and the checks: a report whose path ends in
 * {@code acceptance/<check>.txt} holds the output of that check's tool, and how long the tool ran: the
 * acceptance role ends each report it wrote with {@code devops-acceptance: wall <ms>}, and the report of
 * a check that runs at a level (DCGM's {@code -r}) with {@code devops-acceptance: level <n>} before it:
 * both are about the run, not the tool's output, so they are taken off before a check reads the report.
 */
public final class AcceptanceReports {

    private static final Pattern CHECK_REPORT = Pattern.compile("(?:^|/)acceptance/([a-z0-9_]{1,64})\\.txt$");

    private static final Pattern WALL = Pattern.compile("(?m)^devops-acceptance: wall (\\d{1,12})[ \\t]*\\R?");
    private static final Pattern LEVEL = Pattern.compile("(?m)^devops-acceptance: level ([1-9])[ \\t]*\\R?");

    private AcceptanceReports() {
    }

    /** @return the check a report path belongs to, when it is an acceptance report */
    public static Optional<String> checkOf(String reportPath) {
        Matcher matcher = CHECK_REPORT.matcher(reportPath == null ? "" : reportPath);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The tool's wall time the report states, in milliseconds; empty when it states none. */
    public static OptionalLong wallMs(String report) {
        Matcher matcher = WALL.matcher(report == null ? "" : report);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** The level the check ran at, as its report states it; empty when it states none. */
    public static OptionalInt level(String report) {
        Matcher matcher = LEVEL.matcher(report == null ? "" : report);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** The report as the tool printed it: without the wall time and level lines (null stays null). */
    public static String withoutWall(String report) {
        return report == null ? null : LEVEL.matcher(WALL.matcher(report).replaceAll("")).replaceAll("");
    }
}
