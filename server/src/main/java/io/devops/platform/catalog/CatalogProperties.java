package io.devops.platform.catalog;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where role files live and how large an uploaded role may be. The extracted limit guards
 * against archives that inflate far beyond their upload size.
 */
@ConfigurationProperties("devops.catalog")
record CatalogProperties(
        @DefaultValue("./data/roles") Path rolesDir,
        @DefaultValue("50MB") DataSize maxExtractedSize,
        @DefaultValue("2000") int maxArchiveEntries) {
}
