package io.devops.platform.collections;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a collection artifact may be, packed and unpacked, and where this instance keeps the
 * unpacked artifacts (a cache by SHA-256: the database holds the bytes).
 */
@ConfigurationProperties("devops.collections")
record CollectionsProperties(
        @DefaultValue("./data/collections") java.nio.file.Path cacheDir,
        @DefaultValue("5MB") DataSize maxArtifactSize,
        @DefaultValue("100MB") DataSize maxExtractedSize,
        @DefaultValue("5000") int maxEntries) {
}
