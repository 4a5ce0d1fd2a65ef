package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BaselineJudgeTests {

    private static final String CHECK = "nccl_all_reduce";
    private static final int MIN = 8;

    @Test
    void baselineModeFailsMoreThanFivePercentBelowAndNamesTheBaseline() {
        Baselined judged = BaselineJudge.judge(byLine(446.4), rule(JudgingMode.BASELINE), baseline(480.0, 8, false), MIN);

        assertThat(judged.result().verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(judged.result().reason()).isEqualTo(FailureReason.THRESHOLD);
        assertThat(judged.result().message()).isEqualTo("446.40 GB/s is 7.00 % below the baseline of 480.00 GB/s (median of 8 passing"
                + " results of H100, driver 550): FAIL over 5.00 % below, WARN over 3.00 % below");
        assertThat(judged.result().threshold()).isEqualTo(456.0);
        assertThat(judged.baseline()).isEqualTo(new BaselineRef(1, 480.0, 8));
    }

    @Test
    void exactlyThreePercentBelowPassesAndJustOverItWarns() {
        assertThat(BaselineJudge.judge(byLine(465.6), rule(JudgingMode.BASELINE), baseline(480.0, 8, false), MIN).result().verdict())
                .isEqualTo(CheckVerdict.PASS);
        Baselined warned = BaselineJudge.judge(byLine(465.5), rule(JudgingMode.BASELINE), baseline(480.0, 8, false), MIN);
        assertThat(warned.result().verdict()).isEqualTo(CheckVerdict.WARN);
        assertThat(warned.result().reason()).isEqualTo(FailureReason.THRESHOLD);
    }

    @Test
    void fewerThanTheMinimumSamplesFallsBackToTheLine() {
        Baselined judged = BaselineJudge.judge(byLine(446.4), rule(JudgingMode.BASELINE), baseline(480.0, 7, false), MIN);

        assertThat(judged.result().verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(judged.result().threshold()).isEqualTo(460.0);
        assertThat(judged.result().message()).endsWith("; no baseline yet (7 of 8 samples): judged by the line alone");
        assertThat(judged.baseline()).isNull();
    }

    @Test
    void noBaselineAndNoLineIsAnErrorNeverAPass() {
        CheckResult noLine = new CheckResult(CHECK, CheckVerdict.ERROR, 480.0, null, "GB/s", "no line for 8 x H100 on one node",
                FailureReason.COULD_NOT_RUN);

        Baselined judged = BaselineJudge.judge(noLine, rule(JudgingMode.BASELINE), null, MIN);

        assertThat(judged.result().verdict()).isEqualTo(CheckVerdict.ERROR);
        assertThat(judged.result().reason()).isEqualTo(FailureReason.COULD_NOT_RUN);
        assertThat(judged.result().message()).isEqualTo("no baseline yet (0 of 8 samples) and no line (measured 480.00 GB/s)");
    }

    @Test
    void noLineButAUsableBaselineIsJudgedByTheBaseline() {
        CheckResult noLine = new CheckResult(CHECK, CheckVerdict.ERROR, 478.0, null, "GB/s", "no line", FailureReason.COULD_NOT_RUN);

        Baselined judged = BaselineJudge.judge(noLine, rule(JudgingMode.BOTH), baseline(480.0, 8, false), MIN);

        assertThat(judged.result().verdict()).isEqualTo(CheckVerdict.PASS);
        assertThat(judged.baseline()).isNotNull();
    }

    @Test
    void aPinnedBaselineIsUsedWhateverItsSampleCount() {
        Baselined judged = BaselineJudge.judge(byLine(446.4), rule(JudgingMode.BASELINE), baseline(480.0, 2, true), MIN);

        assertThat(judged.result().verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(judged.result().message()).contains("(pinned, median of 2 passing results of H100, driver 550)");
    }

    @Test
    void bothTakesTheStricterVerdict() {
        Baselined belowBaseline = BaselineJudge.judge(byLine(462.0), rule(JudgingMode.BOTH), baseline(500.0, 8, false), MIN);
        assertThat(belowBaseline.result().verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(belowBaseline.result().message()).startsWith("462.00 GB/s is 7.60 % below the baseline").contains("; by the line: ");

        Baselined belowLine = BaselineJudge.judge(byLine(450.0), rule(JudgingMode.BOTH), baseline(455.0, 8, false), MIN);
        assertThat(belowLine.result().verdict()).isEqualTo(CheckVerdict.FAIL);
        assertThat(belowLine.result().threshold()).isEqualTo(460.0);
        assertThat(belowLine.result().message()).contains("; by the baseline: 450.00 GB/s is 1.10 % below");
    }

    @Test
    void absoluteModeAndFaultsKeepTheirVerdictAndRecordNoBaseline() {
        assertThat(BaselineJudge.judge(byLine(446.4), rule(JudgingMode.ABSOLUTE), baseline(400.0, 8, false), MIN))
                .isEqualTo(Baselined.without(byLine(446.4)));
        CheckResult wrongValues = CheckResult.fault(CHECK, CheckVerdict.FAIL, 480.0, null, "GB/s", "the all-reduce result is wrong");
        assertThat(BaselineJudge.judge(wrongValues, rule(JudgingMode.BASELINE), baseline(400.0, 8, false), MIN))
                .isEqualTo(Baselined.without(wrongValues));
        CheckResult exitedBadly = byLine(480.0).as(CheckVerdict.ERROR, "..., but all_reduce_perf exited with status 1",
                FailureReason.COULD_NOT_RUN);
        assertThat(BaselineJudge.judge(exitedBadly, rule(JudgingMode.BASELINE), baseline(400.0, 8, false), MIN).result())
                .isEqualTo(exitedBadly);
    }

    /** The result the line of 460 GB/s gives. */
    private static CheckResult byLine(double measured) {
        return CheckResult.measured(CHECK, measured >= 460 ? CheckVerdict.PASS : CheckVerdict.FAIL, measured, 460.0, "GB/s",
                Figures.two(measured) + " GB/s against the line of 460.00 GB/s");
    }

    private static JudgingRule rule(JudgingMode mode) {
        return new JudgingRule(CHECK, mode, 5, 3, null, null);
    }

    private static Baseline baseline(double value, int samples, boolean pinned) {
        return new Baseline(1, new BaselineKey("H100", "550", CHECK, "busbw_gbps", 1), value, "GB/s", samples, 20, pinned,
                pinned ? "frozen for the audit" : null, pinned ? "admin" : null, null, Instant.EPOCH);
    }
}
