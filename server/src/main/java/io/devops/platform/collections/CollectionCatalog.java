package io.devops.platform.collections;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored collections. A version is written once: the same bytes again change nothing, other
 * bytes under a stored version are refused, since a run that pinned it must get what it pinned.
 */
@Service
@EnableConfigurationProperties(CollectionsProperties.class)
public class CollectionCatalog {

    /** The outcome of an upload: {@code added} is false when the same bytes were already stored. */
    public record Upload(AnsibleCollection collection, boolean added) {
    }

    private final CollectionStore store;
    private final CollectionsProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    CollectionCatalog(CollectionStore store, CollectionsProperties properties, AuditTrail audit, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Upload upload(byte[] artifact) {
        if (artifact.length > properties.maxArtifactSize().toBytes()) {
            throw new InvalidInputException("file", "The collection artifact is larger than "
                    + properties.maxArtifactSize().toMegabytes() + " MB");
        }
        var identity = CollectionArtifact.read(artifact, properties.maxExtractedSize().toBytes(), properties.maxEntries());
        String sha256 = sha256(artifact);
        Optional<AnsibleCollection> stored = store.find(identity.namespace(), identity.name(), identity.version());
        if (stored.isPresent()) {
            return sameOrConflict(stored.get(), sha256);
        }
        try {
            store.add(identity, sha256, artifact, clock.instant(), CurrentActor.name());
        } catch (DuplicateKeyException e) {
            return sameOrConflict(store.find(identity.namespace(), identity.name(), identity.version()).orElseThrow(), sha256);
        }
        AnsibleCollection added = store.find(identity.namespace(), identity.name(), identity.version()).orElseThrow();
        audit.record("collection.uploaded", "collection", added.id(), "Stored collection " + added.fullName() + " "
                + added.version() + " (" + sha256 + ")", null, Map.of("version", added.version(), "sha256", sha256));
        return new Upload(added, true);
    }

    @Transactional(readOnly = true)
    public List<AnsibleCollection> list() {
        return store.all();
    }

    /**
     * The newest stored version of {@code fullName} ({@code namespace.name}) that {@code spec} allows
     * ({@code *}, {@code 1.2.3}, {@code >=1.0.0,<2.0.0}); empty when none is stored.
     *
     * @throws IllegalArgumentException when {@code spec} is no version or range
     */
    @Transactional(readOnly = true)
    public Optional<AnsibleCollection> newest(String fullName, String spec) {
        VersionSpec allowed = VersionSpec.parse(spec);
        String[] parts = fullName.split("\\.", 2);
        return store.versionsOf(parts[0], parts.length > 1 ? parts[1] : "").stream()
                .filter(c -> allowed.matches(c.version()))
                .max(java.util.Comparator.comparing(AnsibleCollection::version, VersionSpec.ORDER));
    }

    @Transactional(readOnly = true)
    public Optional<AnsibleCollection> byId(long id) {
        return store.byId(id);
    }

    /** The artifact's bytes, checked against its hash: a run never installs bytes other than those pinned. */
    @Transactional(readOnly = true)
    public byte[] artifact(String sha256) {
        byte[] bytes = store.artifact(sha256)
                .orElseThrow(() -> new IllegalStateException("No collection artifact with SHA-256 " + sha256 + " is stored"));
        if (!sha256(bytes).equals(sha256)) {
            throw new IllegalStateException("The stored collection artifact " + sha256 + " no longer matches its hash");
        }
        return bytes;
    }

    private static Upload sameOrConflict(AnsibleCollection stored, String sha256) {
        if (!stored.sha256().equals(sha256)) {
            throw new ConflictException("Collection " + stored.fullName() + " " + stored.version()
                    + " is already stored with other bytes (SHA-256 " + stored.sha256() + "); a version never changes: "
                    + "build it with a new version", Map.of("sha256", stored.sha256()));
        }
        return new Upload(stored, false);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
