/**
 * Acceptance: judging GPU test results. Public API: the checks' contract
 * ({@link io.devops.platform.acceptance.AcceptanceCheck}, {@link io.devops.platform.acceptance.CheckResult},
 * {@link io.devops.platform.acceptance.CheckVerdict}, {@link io.devops.platform.acceptance.FailureReason},
 * {@link io.devops.platform.acceptance.NodeContext},
 * {@link io.devops.platform.acceptance.ToolOutput}, {@link io.devops.platform.acceptance.AcceptanceReports}),
 * the stored verdicts ({@link io.devops.platform.acceptance.AcceptanceVerdicts}), multi-node group runs
 * ({@link io.devops.platform.acceptance.AcceptanceGroups}), the fleet's baselines
 * ({@link io.devops.platform.acceptance.FleetBaselines} with {@link io.devops.platform.acceptance.Baselined},
 * {@link io.devops.platform.acceptance.BaselineRef}), the events the lifecycle
 * follows ({@link io.devops.platform.acceptance.NodeAcceptanceStarted},
 * {@link io.devops.platform.acceptance.NodeAcceptanceConcluded}), and the NCCL report judge of the run
 * page ({@link io.devops.platform.acceptance.NcclJudge} with {@link io.devops.platform.acceptance.Judgement},
 * {@link io.devops.platform.acceptance.Verdict}, {@link io.devops.platform.acceptance.BandwidthPoint}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Acceptance", allowedDependencies = {"shared", "identity"})
package io.devops.platform.acceptance;
