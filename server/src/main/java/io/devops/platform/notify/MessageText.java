package io.devops.platform.notify;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Message} in words, in zh-CN or en: a title and the lines a person needs on a phone (job,
 * run, status, duration, how many nodes failed, the first few with their step and message, the
 * link). Markdown for the robots that render it, plain text for the others.
 */
final class MessageText {

    private static final int MAX_MESSAGE_CHARS = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> ZH_STATUS = Map.of("SUCCEEDED", "成功", "FAILED", "失败", "CANCELLED", "已取消",
            "INTERRUPTED", "已中断", "UNREACHABLE", "不可达", "SKIPPED", "已跳过", "QUEUED", "排队中", "RUNNING", "运行中",
            "ERROR", "出错", "FAIL", "不通过");
    private static final Map<NotificationEvent, String> EN_HEALTH = Map.of(NotificationEvent.HEALTH_RECOMMENDATION,
            "[REPAIR RECOMMENDED]", NotificationEvent.HEALTH_LIMIT_REACHED, "[HEALTH LIMIT REACHED]", NotificationEvent.NODE_DRAINED,
            "[DRAINED TO REPAIR]");
    private static final Map<NotificationEvent, String> ZH_HEALTH = Map.of(NotificationEvent.HEALTH_RECOMMENDATION, "【建议维修】",
            NotificationEvent.HEALTH_LIMIT_REACHED, "【已达自动处置上限】", NotificationEvent.NODE_DRAINED, "【已下线维修】");

    private final String title;
    private final List<String> lines;

    private MessageText(String title, List<String> lines) {
        this.title = title;
        this.lines = List.copyOf(lines);
    }

    String title() {
        return title;
    }

    String plain() {
        return title + "\n\n" + String.join("\n", lines);
    }

    /** Bold title, one paragraph per line (DingTalk and WeCom need the blank lines to break lines). */
    String markdown() {
        return "**" + title + "**\n\n" + String.join("\n\n", lines.stream().map(MessageText::linked).toList());
    }

    static MessageText of(Message message, Language language) {
        return language == Language.ZH_CN ? zh(message) : en(message);
    }

    private static MessageText en(Message m) {
        List<String> lines = new ArrayList<>();
        switch (m.event()) {
            case TEST -> {
                lines.add("This channel works: the GPU delivery platform can reach it.");
                lines.add("Sent at " + TIME.format(m.at()));
                return new MessageText("Test message from the GPU delivery platform", lines);
            }
            case NODE_ACCEPTANCE_FAILED -> {
                lines.add("Node: " + m.nodeIp() + " (#" + m.nodeId() + ")");
                lines.add("Verdict: " + m.verdict());
                addIf(lines, "Reason: ", m.reason());
                runLines(lines, m, "Job: ", "Run: #");
                addIf(lines, "Open: ", m.link());
                return new MessageText("[ACCEPTANCE " + m.verdict() + "] Node " + m.nodeIp(), lines);
            }
            case CATALOG_PLAN_WAITING -> {
                lines.add(m.reason());
                lines.add(m.status().equals("CONFLICT") ? "Nothing was applied: the platform changed what the commit changes."
                        : "Review the plan and apply the commit.");
                addIf(lines, "Open: ", m.link());
                return new MessageText(m.status().equals("CONFLICT") ? "[CATALOG CONFLICT] A Git sync's plan has conflicts"
                        : "[APPROVAL NEEDED] A Git sync's catalog plan waits", lines);
            }
            case HEALTH_RECOMMENDATION, HEALTH_LIMIT_REACHED, NODE_DRAINED -> {
                lines.add("Node: " + m.nodeIp() + " (#" + m.nodeId() + ")");
                lines.add("Condition: " + m.verdict());
                addIf(lines, "Why: ", m.reason());
                addIf(lines, "Open: ", m.link());
                return new MessageText(EN_HEALTH.get(m.event()) + " Node " + m.nodeIp(), lines);
            }
            case RUN_PENDING_APPROVAL -> {
                runLines(lines, m, "Job: ", "Run: #");
                lines.add("Nodes: " + m.nodeCount());
                addIf(lines, "Started by ", m.reason());
                addIf(lines, "Approve or reject: ", m.link());
                return new MessageText("[APPROVAL NEEDED] Run #" + m.runId() + " of job " + m.jobName(), lines);
            }
            default -> {
                runLines(lines, m, "Job: ", "Run: #");
                lines.add("Status: " + m.status());
                lines.add("Duration: " + durationEn(m.durationMs()));
                if (m.failedNodeCount() != null && m.failedNodeCount() > 0) {
                    lines.add("Failed nodes: " + m.failedNodeCount() + " of " + m.nodeCount());
                    m.failedNodes().forEach(node -> lines.add("- " + node(node) + ": step \"" + node.step() + "\" " + node.status()
                            + messagePart(node, ": ")));
                    int more = m.failedNodeCount() - m.failedNodes().size();
                    if (more > 0) {
                        lines.add("- … and " + more + " more");
                    }
                }
                addIf(lines, "Open: ", m.link());
                return new MessageText("[" + m.status() + "] Run #" + m.runId() + " of job " + m.jobName(), lines);
            }
        }
    }

    private static MessageText zh(Message m) {
        List<String> lines = new ArrayList<>();
        switch (m.event()) {
            case TEST -> {
                lines.add("此通知渠道可用：GPU 交付平台能够送达消息。");
                lines.add("发送时间：" + TIME.format(m.at()));
                return new MessageText("GPU 交付平台测试消息", lines);
            }
            case NODE_ACCEPTANCE_FAILED -> {
                lines.add("节点：" + m.nodeIp() + "（#" + m.nodeId() + "）");
                lines.add("验收结论：" + zhStatus(m.verdict()));
                addIf(lines, "原因：", m.reason());
                runLines(lines, m, "作业：", "运行：#");
                addIf(lines, "查看：", m.link());
                return new MessageText("【验收未通过】节点 " + m.nodeIp(), lines);
            }
            case CATALOG_PLAN_WAITING -> {
                lines.add(m.reason());
                lines.add(m.status().equals("CONFLICT") ? "未应用任何内容：平台中已修改了该提交所修改的内容。" : "请审阅变更计划并应用该提交。");
                addIf(lines, "查看：", m.link());
                return new MessageText(m.status().equals("CONFLICT") ? "【目录冲突】Git 同步的变更计划存在冲突"
                        : "【待审批】Git 同步的目录变更计划待应用", lines);
            }
            case HEALTH_RECOMMENDATION, HEALTH_LIMIT_REACHED, NODE_DRAINED -> {
                lines.add("节点：" + m.nodeIp() + "（#" + m.nodeId() + "）");
                lines.add("状况：" + m.verdict());
                addIf(lines, "原因：", m.reason());
                addIf(lines, "查看：", m.link());
                return new MessageText(ZH_HEALTH.get(m.event()) + "节点 " + m.nodeIp(), lines);
            }
            case RUN_PENDING_APPROVAL -> {
                runLines(lines, m, "作业：", "运行：#");
                lines.add("节点数：" + m.nodeCount());
                addIf(lines, "发起人及原因：", m.reason());
                addIf(lines, "审批：", m.link());
                return new MessageText("【待审批】作业 " + m.jobName() + " 的运行 #" + m.runId(), lines);
            }
            default -> {
                runLines(lines, m, "作业：", "运行：#");
                lines.add("状态：" + zhStatus(m.status()));
                lines.add("耗时：" + durationZh(m.durationMs()));
                if (m.failedNodeCount() != null && m.failedNodeCount() > 0) {
                    lines.add("失败节点：" + m.failedNodeCount() + " / " + m.nodeCount());
                    m.failedNodes().forEach(node -> lines.add("- " + node(node) + "：步骤「" + node.step() + "」"
                            + zhStatus(node.status()) + messagePart(node, "：")));
                    int more = m.failedNodeCount() - m.failedNodes().size();
                    if (more > 0) {
                        lines.add("- ……另有 " + more + " 个节点");
                    }
                }
                addIf(lines, "查看：", m.link());
                return new MessageText("【" + zhStatus(m.status()) + "】作业 " + m.jobName() + " 的运行 #" + m.runId(), lines);
            }
        }
    }

    private static void runLines(List<String> lines, Message m, String job, String run) {
        if (m.jobName() != null) {
            lines.add(job + m.jobName() + " (#" + m.jobId() + ")");
        }
        if (m.runId() != null) {
            lines.add(run + m.runId());
        }
    }

    private static void addIf(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + value);
        }
    }

    private static String node(Message.FailedNode node) {
        return node.hostname() == null || node.hostname().isBlank() || node.hostname().equals(node.ip())
                ? node.ip() : node.ip() + " (" + node.hostname() + ")";
    }

    private static String messagePart(Message.FailedNode node, String separator) {
        if (node.message() == null || node.message().isBlank()) {
            return "";
        }
        String text = node.message().strip().replaceAll("\\s+", " ");
        return separator + (text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS - 1) + "…" : text);
    }

    private static String zhStatus(String status) {
        return ZH_STATUS.getOrDefault(status, status);
    }

    private static String durationEn(Long ms) {
        if (ms == null) {
            return "-";
        }
        Duration d = Duration.ofMillis(ms);
        return d.toHours() > 0 ? d.toHours() + "h " + d.toMinutesPart() + "m"
                : d.toMinutes() > 0 ? d.toMinutes() + "m " + d.toSecondsPart() + "s" : d.toSeconds() + "." + d.toMillisPart() / 100 + "s";
    }

    private static String durationZh(Long ms) {
        if (ms == null) {
            return "-";
        }
        Duration d = Duration.ofMillis(ms);
        return d.toHours() > 0 ? d.toHours() + " 小时 " + d.toMinutesPart() + " 分"
                : d.toMinutes() > 0 ? d.toMinutes() + " 分 " + d.toSecondsPart() + " 秒" : d.toSeconds() + "." + d.toMillisPart() / 100 + " 秒";
    }

    /** The link line as a Markdown link: the robots show the address as something to tap. */
    private static String linked(String line) {
        int http = line.indexOf("http");
        if (http < 0 || !(line.startsWith("Open: ") || line.startsWith("查看："))) {
            return line;
        }
        String url = line.substring(http);
        return line.substring(0, http) + "[" + url + "](" + url + ")";
    }
}
