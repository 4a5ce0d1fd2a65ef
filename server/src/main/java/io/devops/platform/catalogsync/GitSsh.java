package io.devops.platform.catalogsync;

import io.devops.platform.credentials.SshCredential;
import io.devops.platform.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * JGit's SSH transport for one fetch with a stored credential: the key is read from memory (never
 * written to disk), the server's own ~/.ssh (keys, config, known_hosts) is never read, and the host
 * key must be the one pinned on the source's first fetch (trust on first use, as for nodes).
 */
final class GitSsh implements AutoCloseable {

    private final Path home;
    private final SshdSessionFactory factory;
    private final HostKeys hostKeys;

    private GitSsh(Path home, SshdSessionFactory factory, HostKeys hostKeys) {
        this.home = home;
        this.factory = factory;
        this.hostKeys = hostKeys;
    }

    /** {@code pinnedHostKey}: the {@code type base64} key seen first, or null before the first fetch. */
    static GitSsh of(SshCredential credential, String pinnedHostKey) {
        Iterable<KeyPair> keys = keysOf(credential);
        HostKeys hostKeys = new HostKeys(pinnedHostKey);
        try {
            Path home = Files.createTempDirectory("catalog-git-ssh");
            SshdSessionFactory factory = new SshdSessionFactoryBuilder().setHomeDirectory(home.toFile())
                    .setSshDirectory(home.toFile()).setPreferredAuthentications("publickey")
                    .setDefaultKeysProvider(dir -> keys).setServerKeyDatabase((h, s) -> hostKeys).build(null);
            return new GitSsh(home, factory, hostKeys);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a folder for the SSH session", e);
        }
    }

    TransportConfigCallback transport() {
        return transport -> {
            if (transport instanceof SshTransport ssh) {
                ssh.setSshSessionFactory(factory);
            }
        };
    }

    /** The host key the server showed ({@code type base64}), null when the connection got no further. */
    String seenHostKey() {
        return hostKeys.seen;
    }

    /** Whether the server showed a key other than the pinned one (and the fetch was refused for it). */
    boolean hostKeyChanged() {
        return hostKeys.seen != null && hostKeys.pinned != null && !hostKeys.pinned.equals(hostKeys.seen);
    }

    @Override
    public void close() {
        factory.close();
        home.toFile().delete();
    }

    private static Iterable<KeyPair> keysOf(SshCredential credential) {
        try (var text = new ByteArrayInputStream(credential.privateKey().getBytes(StandardCharsets.UTF_8))) {
            return SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("credential " + credential.name()), text,
                    credential.passphrase() == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(credential.passphrase()));
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException("credential", "the key of credential " + credential.name()
                    + " cannot be used for SSH: " + e.getMessage());
        }
    }

    /** Accepts the pinned host key only, or any key before one is pinned; remembers the key shown. */
    private static final class HostKeys implements ServerKeyDatabase {

        private final String pinned;
        private volatile String seen;

        HostKeys(String pinned) {
            this.pinned = pinned;
        }

        @Override
        public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
            return List.of();
        }

        @Override
        public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                              Configuration config, CredentialsProvider provider) {
            seen = PublicKeyEntry.toString(serverKey);
            return pinned == null || pinned.equals(seen);
        }
    }
}
