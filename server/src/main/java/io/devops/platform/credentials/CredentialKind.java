package io.devops.platform.credentials;

/** What a credential logs in with: an SSH key for nodes, or a user name and password for their BMCs. */
public enum CredentialKind {
    SSH_KEY, PASSWORD
}
