/**
 * Acceptance: judging GPU test results. Parses nccl-tests {@code all_reduce_perf} output found in
 * the reports collected from nodes and judges the bus bandwidth at the largest message size
 * against editable thresholds per GPU model. Public API: {@link io.devops.platform.acceptance.NcclJudge}
 * and its values ({@link io.devops.platform.acceptance.Judgement},
 * {@link io.devops.platform.acceptance.Verdict}, {@link io.devops.platform.acceptance.BandwidthPoint}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Acceptance", allowedDependencies = {"shared", "identity"})
package io.devops.platform.acceptance;
