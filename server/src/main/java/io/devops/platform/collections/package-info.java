/**
 * Ansible collections: the artifacts {@code ansible-galaxy collection build} makes, uploaded once,
 * stored with their SHA-256 and read back byte for byte, so that every step on every instance runs
 * the same collection files. Other modules use {@link io.devops.platform.collections.CollectionCatalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collections", allowedDependencies = {"shared", "identity"})
package io.devops.platform.collections;
