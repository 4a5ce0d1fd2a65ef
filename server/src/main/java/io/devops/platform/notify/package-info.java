/**
 * Notifications: channels (a signed generic webhook, DingTalk, Feishu/Lark and WeCom robots, e-mail
 * over SMTP), rules (which events, for one job or all) and their deliveries. Follows
 * {@link io.devops.platform.execution.RunEnded}, failing
 * {@link io.devops.platform.acceptance.NodeAcceptanceConcluded} verdicts, catalog plans that wait
 * ({@link io.devops.platform.catalogsync.CatalogPlanWaiting}) and the health module's
 * {@link io.devops.platform.health.HealthNotice} (recommendations, limits, drains) after their commit, stores one
 * delivery per channel and sends it from its own threads with retries and back-off, each attempt
 * recorded; a run never waits for, or fails with, a notification. Channel secrets and addresses are
 * sealed through {@link io.devops.platform.credentials.SecretSeal} and never returned. No public API:
 * only its REST endpoints (ADMIN).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"shared", "identity", "credentials", "execution", "acceptance", "job", "catalogsync", "health"})
package io.devops.platform.notify;
