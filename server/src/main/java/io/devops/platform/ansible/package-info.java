/**
 * Running {@code ansible-playbook}: the working directory (inventory, playbook, ansible.cfg, keys),
 * the event callback, and control of the child process group.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ansible", allowedDependencies = {"shared"})
package io.devops.platform.ansible;
