package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunProgressTests {

    private static RunProgress progress(String status, String... itemsOfNodeStatuses) throws IOException {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < itemsOfNodeStatuses.length; i++) {
            StringBuilder nodes = new StringBuilder();
            String[] statuses = itemsOfNodeStatuses[i].split(",");
            for (int n = 0; n < statuses.length; n++) {
                nodes.append(n == 0 ? "" : ",").append("{\"nodeId\":").append(n + 1).append(",\"status\":\"").append(statuses[n]).append("\"}");
            }
            items.append(i == 0 ? "" : ",").append("{\"sequence\":").append(i + 1).append(",\"nodes\":[").append(nodes).append("]}");
        }
        return RunProgress.of(Api.JSON.readTree("{\"id\":12,\"status\":\"" + status + "\",\"items\":[" + items + "]}"));
    }

    @Test
    void eachNodeCountsOnceByItsStatus() throws IOException {
        RunProgress progress = progress("RUNNING", "SUCCEEDED,FAILED,RUNNING,QUEUED,UNREACHABLE,SKIPPED");

        assertThat(List.of(progress.total(), progress.succeeded(), progress.failed(), progress.running(), progress.queued(), progress.notRun()))
                .containsExactly(6, 1, 2, 1, 1, 1);
        assertThat(progress.line()).isEqualTo("run 12 RUNNING [####################..........] 4/6 nodes: 1 succeeded, 2 failed,"
                + " 1 running, 1 queued, 1 not run");
        assertThat(progress.ended()).isFalse();
    }

    @Test
    void aNodeInSeveralItemsCountsByTheOneThatMattersMost() throws IOException {
        RunProgress progress = progress("RUNNING", "SUCCEEDED,SUCCEEDED", "FAILED,RUNNING");

        assertThat(List.of(progress.total(), progress.succeeded(), progress.failed(), progress.running())).containsExactly(2, 0, 1, 1);
    }

    @Test
    void onlyASucceededRunExitsZero() throws IOException {
        List<Integer> codes = new ArrayList<>();
        for (String status : List.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED")) {
            RunProgress ended = progress(status, "SUCCEEDED");
            assertThat(ended.ended()).as(status).isTrue();
            codes.add(ended.exitCode());
        }
        assertThat(codes).containsExactly(0, 1, 1, 1);
        assertThat(progress("PENDING_APPROVAL", "QUEUED").ended()).isFalse();
        assertThat(progress("QUEUED", "QUEUED").ended()).isFalse();
    }
}
