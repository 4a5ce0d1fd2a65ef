package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WallTimeTests {

    @Test
    void theRolesWallLineGivesTheMillisecondsAndIsTakenOffTheToolsOutput() {
        String report = "Tested 1 GPU:\n\tGPU 0: OK\ndevops-acceptance: exit status 1\ndevops-acceptance: wall 3601250\n";

        assertThat(AcceptanceReports.wallMs(report)).hasValue(3_601_250L);
        assertThat(AcceptanceReports.withoutWall(report)).isEqualTo("Tested 1 GPU:\n\tGPU 0: OK\ndevops-acceptance: exit status 1\n");
    }

    @Test
    void aReportWithoutWallLineHasNoWallTimeAndStaysAsItIs() {
        assertThat(AcceptanceReports.wallMs("GPU 0: OK\n")).isEmpty();
        assertThat(AcceptanceReports.wallMs(null)).isEmpty();
        assertThat(AcceptanceReports.withoutWall("GPU 0: OK\n")).isEqualTo("GPU 0: OK\n");
    }

    @Test
    void aToolPrintingSomethingLikeAWallLineMidLineIsNotTakenForOne() {
        assertThat(AcceptanceReports.wallMs("note devops-acceptance: wall 5\n")).isEmpty();
    }

    @Test
    void theDcgmReportsLevelLineGivesTheLevelAndIsTakenOffBeforeTheCheckReadsIt() {
        String report = "{\"DCGM Diagnostic\": {}}\ndevops-acceptance: level 2\ndevops-acceptance: wall 61000\n";

        assertThat(AcceptanceReports.level(report)).hasValue(2);
        assertThat(AcceptanceReports.level("GPU 0: OK\n")).isEmpty();
        assertThat(AcceptanceReports.withoutWall(report)).isEqualTo("{\"DCGM Diagnostic\": {}}\n");
    }
}
