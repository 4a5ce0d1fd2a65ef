package io.devops.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The words of a message, in English and in Chinese, as read on a phone. */
class MessageTextTests {

    private static Message failedRun(int failed, int listed) {
        List<Message.FailedNode> nodes = IntStream.rangeClosed(1, listed).mapToObj(i -> new Message.FailedNode("10.0.0." + i,
                "gpu-" + i, "install driver", i == 1 ? "UNREACHABLE" : "FAILED", i == 1 ? "ssh: connect refused" : "exit 2")).toList();
        return new Message(NotificationEvent.RUN_FAILED, Instant.parse("2026-12-07T08:00:00Z"), 42L, 7L, "delivery", "FAILED",
                125_000L, 10, failed, nodes, null, null, null, null, "https://devops.example.com/#/runs/42");
    }

    @Test
    void aFailedRunInEnglishSaysJobRunStatusDurationAndTheFirstFailedNodes() {
        MessageText text = MessageText.of(failedRun(7, 5), Language.EN);

        assertThat(text.title()).isEqualTo("[FAILED] Run #42 of job delivery");
        assertThat(text.plain()).contains("Job: delivery (#7)", "Run: #42", "Status: FAILED", "Duration: 2m 5s",
                "Failed nodes: 7 of 10", "- 10.0.0.1 (gpu-1): step \"install driver\" UNREACHABLE: ssh: connect refused",
                "- 10.0.0.5 (gpu-5): step \"install driver\" FAILED: exit 2", "- … and 2 more",
                "Open: https://devops.example.com/#/runs/42");
        assertThat(text.markdown()).startsWith("**[FAILED] Run #42 of job delivery**")
                .contains("Open: [https://devops.example.com/#/runs/42](https://devops.example.com/#/runs/42)");
    }

    @Test
    void aFailedRunInChineseSaysTheSameInChinese() {
        MessageText text = MessageText.of(failedRun(7, 5), Language.ZH_CN);

        assertThat(text.title()).isEqualTo("【失败】作业 delivery 的运行 #42");
        assertThat(text.plain()).contains("作业：delivery (#7)", "运行：#42", "状态：失败", "耗时：2 分 5 秒", "失败节点：7 / 10",
                "- 10.0.0.1 (gpu-1)：步骤「install driver」不可达：ssh: connect refused", "- ……另有 2 个节点",
                "查看：https://devops.example.com/#/runs/42");
    }

    @Test
    void aSucceededRunListsNoNodes() {
        Message succeeded = new Message(NotificationEvent.RUN_SUCCEEDED, Instant.now(), 43L, 7L, "delivery", "SUCCEEDED", 3_400L, 2,
                0, List.of(), null, null, null, null, "http://localhost:8080/runs/43");

        assertThat(MessageText.of(succeeded, Language.EN).plain()).contains("Status: SUCCEEDED", "Duration: 3.4s")
                .doesNotContain("Failed nodes");
        assertThat(MessageText.of(succeeded, Language.ZH_CN).title()).isEqualTo("【成功】作业 delivery 的运行 #43");
    }

    @Test
    void aFailedAcceptanceNamesTheNodeTheVerdictAndWhy() {
        Message acceptance = new Message(NotificationEvent.NODE_ACCEPTANCE_FAILED, Instant.now(), 44L, 7L, "acceptance", "FAILED",
                null, null, null, List.of(), 5L, "10.0.0.5", "FAIL", "nccl_allreduce: 180 GB/s below 360",
                "http://localhost:8080/runs/44");

        assertThat(MessageText.of(acceptance, Language.EN).title()).isEqualTo("[ACCEPTANCE FAIL] Node 10.0.0.5");
        assertThat(MessageText.of(acceptance, Language.EN).plain()).contains("Verdict: FAIL", "Reason: nccl_allreduce: 180 GB/s below 360");
        assertThat(MessageText.of(acceptance, Language.ZH_CN).plain()).contains("【验收未通过】节点 10.0.0.5", "验收结论：不通过",
                "原因：nccl_allreduce");
    }

    @Test
    void aCatalogPlanWithConflictsSaysNothingWasAppliedInBothLanguages() {
        Message conflict = new Message(NotificationEvent.CATALOG_PLAN_WAITING, Instant.now(), null, null, null, "CONFLICT", null,
                null, null, List.of(), null, null, null, "Git source #3 https://git.example/c.git (branch main), commit abc: "
                + "0 to create, 1 new versions, 1 conflicts", "http://localhost:8080/#/catalog/git-sources");

        assertThat(MessageText.of(conflict, Language.EN).title()).isEqualTo("[CATALOG CONFLICT] A Git sync's plan has conflicts");
        assertThat(MessageText.of(conflict, Language.EN).plain()).contains("commit abc", "Nothing was applied",
                "Open: http://localhost:8080/#/catalog/git-sources");
        assertThat(MessageText.of(conflict, Language.ZH_CN).plain()).contains("【目录冲突】", "未应用任何内容", "commit abc");
    }
}
