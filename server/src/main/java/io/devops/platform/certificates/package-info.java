/**
 * Certificates: the hand-off certificate frozen when a node is delivered (the lifecycle's
 * {@link io.devops.platform.lifecycle.NodeDelivered}): the node's identity and versions from its
 * facts, and per check its latest verdict with the figures, line, reason, run, time and the sha256 of
 * the report behind it, as canonical JSON signed with the installation's Ed25519 key, so that a tenant
 * verifies it offline with {@code openssl pkeyutl -verify}. Public API: {@link
 * io.devops.platform.certificates.SigningKey} and {@link io.devops.platform.certificates.CertificateDocument},
 * which the benchmark {@code scripts/bench/certificates.sh} drives without a server.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certificates",
        allowedDependencies = {"shared", "identity", "inventory", "acceptance", "credentials", "lifecycle"})
package io.devops.platform.certificates;
