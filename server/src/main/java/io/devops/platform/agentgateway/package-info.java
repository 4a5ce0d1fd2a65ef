/**
 * Agent gateway: enrolment of node agents, their credentials, heartbeats and facts, and the
 * command channel (long-poll delivery, streamed output, results, cancellation, timeouts).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent gateway",
        allowedDependencies = {"shared", "identity", "inventory"})
package io.devops.platform.agentgateway;
