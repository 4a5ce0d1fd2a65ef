package io.devops.platform.catalogsync;

import io.devops.platform.credentials.CredentialVault;
import io.devops.platform.shared.InvalidInputException;
import java.net.URISyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.springframework.stereotype.Component;

/**
 * Fetches one branch or tag of a Git source into a throw-away bare repository (JGit, nothing
 * checked out) and reads the tree's files at that commit straight from Git's objects: links and
 * submodules are refused, the archive's size limits apply.
 */
@Component
class GitTrees {

    private static final int TIMEOUT_SECONDS = 120;

    private final CredentialVault vault;
    private final GitSources sources;

    GitTrees(CredentialVault vault, GitSources sources) {
        this.vault = vault;
        this.sources = sources;
    }

    /** The files under the source's folder (paths relative to it) at {@code commit}. */
    record Fetched(String commit, SortedMap<String, byte[]> files) {
    }

    /**
     * An ssh:// source is fetched with its credential, unsealed for this fetch only, and its host
     * key pinned on the first fetch; other sources are fetched as they are.
     */
    Fetched fetch(GitSources.GitSource source) {
        if (source.credential() == null) {
            return fetch(source, source.url(), null);
        }
        var credential = vault.named(source.credential()).orElseThrow(() -> new InvalidInputException("credential",
                "the credential " + source.credential() + " of this Git source no longer exists"));
        try (GitSsh ssh = GitSsh.of(credential, source.hostKey())) {
            try {
                Fetched fetched = fetch(source, withUser(source.url(), credential.sshUser()), ssh);
                if (source.hostKey() == null) {
                    sources.pinHostKey(source.id(), ssh.seenHostKey());
                }
                return fetched;
            } catch (InvalidInputException e) {
                if (ssh.hostKeyChanged()) {
                    throw new InvalidInputException("hostKey", "the SSH host key of " + source.url() + " is "
                            + ssh.seenHostKey() + ", not the one pinned on the first fetch; nothing was fetched");
                }
                throw e;
            }
        }
    }

    private Fetched fetch(GitSources.GitSource source, String remote, GitSsh ssh) {
        Path dir;
        try {
            dir = Files.createTempDirectory("catalog-git");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a folder to fetch into", e);
        }
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call()) {
            withoutAutoGc(git.getRepository());
            git.fetch().setRemote(remote).setRefSpecs(new RefSpec("+" + source.ref() + ":" + source.ref()))
                    .setTagOpt(TagOpt.NO_TAGS).setTimeout(TIMEOUT_SECONDS)
                    .setTransportConfigCallback(ssh == null ? null : ssh.transport()).call();
            Repository repository = git.getRepository();
            ObjectId id = repository.resolve(source.ref() + "^{commit}");
            if (id == null) {
                throw new InvalidInputException("ref", source.refKind().toLowerCase() + " " + source.refName()
                        + " was not found in " + source.url());
            }
            try (RevWalk commits = new RevWalk(repository)) {
                RevCommit commit = commits.parseCommit(id);
                return new Fetched(commit.getName(), files(repository, commit, source.path()));
            }
        } catch (GitAPIException e) {
            throw new InvalidInputException("url", "could not fetch " + source.ref() + " from " + source.url() + ": "
                    + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the fetched repository", e);
        } finally {
            delete(dir);
        }
    }

    /** The URL with the credential's user when it names none (ssh://host/... logs in as that user). */
    private static String withUser(String url, String user) {
        try {
            URIish uri = new URIish(url);
            return uri.getUser() == null ? uri.setUser(user).toString() : url;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a URL: " + e.getReason());
        }
    }

    private static SortedMap<String, byte[]> files(Repository repository, RevCommit commit, String folder)
            throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!folder.isEmpty()) {
                walk.setFilter(PathFilter.create(folder));
            }
            while (walk.next()) {
                String path = walk.getPathString();
                String relative = folder.isEmpty() ? path : path.substring(folder.length() + 1);
                FileMode mode = walk.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    throw TreeArchive.bad(path + ": is a " + (mode == FileMode.SYMLINK ? "symbolic link" : "submodule")
                            + " at commit " + commit.getName() + "; the tree holds plain files only");
                }
                ObjectLoader loader = repository.open(walk.getObjectId(0));
                if (loader.getSize() > TreeArchive.MAX_FILE_BYTES) {
                    throw TreeArchive.bad(path + ": is " + loader.getSize() + " bytes; a file may have at most "
                            + TreeArchive.MAX_FILE_BYTES);
                }
                total += loader.getSize();
                if (total > TreeArchive.MAX_TOTAL_BYTES || files.size() >= TreeArchive.MAX_ENTRIES) {
                    throw TreeArchive.bad(path + ": the tree is larger than an import may be");
                }
                files.put(relative, loader.getBytes());
            }
        }
        if (files.isEmpty()) {
            throw TreeArchive.bad("commit " + commit.getName() + " has no files under '" + folder + "'");
        }
        return files;
    }

    /**
     * JGit packs a repository after a fetch, by default in a thread of its own, which then writes
     * into the folder while it is being deleted (a sync failed with NoSuchFileException on
     * gc.log.lock). A repository read once and thrown away needs no packing.
     */
    private static void withoutAutoGc(Repository repository) throws IOException {
        StoredConfig config = repository.getConfig();
        config.setInt("gc", null, "auto", 0);
        config.setBoolean("gc", null, "autoDetach", false);
        config.save();
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder only costs disk space; a file gone meanwhile is no failure of the sync
        }
    }
}
