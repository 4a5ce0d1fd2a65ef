package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingsTests {

    @Test
    void nothingFoundPassesWithTheAllClearMessage() {
        CheckResult result = new Findings().result("ecc", 0.0, 0.0, "errors", "all clear");

        assertThat(result).isEqualTo(new CheckResult("ecc", CheckVerdict.PASS, 0.0, 0.0, "errors", "all clear", null));
    }

    @Test
    void aFaultOutranksAGpuThatCouldNotBeJudgedAndSaysOnlyTheFaults() {
        Findings findings = new Findings();
        findings.warn("GPU 0: a retired page");
        findings.error("GPU 1: unreadable");
        findings.fail("GPU 2: pending");
        findings.fail("GPU 3: failed");

        CheckResult result = findings.result("row_remap", 2.0, 0.0, "GPUs", "all clear");

        assertThat(result.verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(result.message()).isEqualTo("GPU 2: pending; GPU 3: failed");
    }

    @Test
    void anUnjudgedGpuOutranksAWarning() {
        Findings findings = new Findings();
        findings.warn("GPU 0: a retired page");
        findings.error("GPU 1: unreadable");

        assertThat(findings.verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(findings.message()).isEqualTo("GPU 1: unreadable");
    }

    @Test
    void warningsAloneWarn() {
        Findings findings = new Findings();
        findings.warn("a");
        findings.warn("b");

        assertThat(findings.result("nvlink", null, null, null, "all clear").message()).isEqualTo("a; b");
        assertThat(findings.verdict()).isEqualTo(CheckVerdict.WARN);
    }
}
