package io.devops.platform.execution.dispatch;

import io.devops.platform.execution.settings.ExecutionProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * At every start, installs the built-in script files (shipped in the jar under
 * {@code content/scripts/}) into the scripts directory that script steps copy to the nodes. Only
 * missing files are written, so local edits survive; scripts are made executable (the jar keeps
 * no file modes).
 */
@Component
class BuiltinScripts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BuiltinScripts.class);
    private static final String SCRIPTS = "content/scripts/";

    private final ExecutionProperties properties;

    BuiltinScripts(ExecutionProperties properties) {
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path root = properties.scriptsDir().toAbsolutePath().normalize();
        var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        int installed = 0;
        for (Resource resource : resolver.getResources("classpath*:" + SCRIPTS + "**")) {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf(SCRIPTS);
            if (at < 0 || url.endsWith("/") || !resource.isReadable() || isDirectory(resource)) {
                continue;
            }
            Path target = root.resolve(url.substring(at + SCRIPTS.length())).normalize();
            if (!target.startsWith(root) || Files.exists(target)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, target);
            } catch (FileAlreadyExistsException anotherInstanceWasFaster) {
                continue;
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            installed++;
        }
        if (installed > 0) {
            log.info("Installed {} built-in script file(s) into {}", installed, root);
        }
    }

    private static boolean isDirectory(Resource resource) {
        try {
            return resource.isFile() && resource.getFile().isDirectory();
        } catch (IOException e) {
            return false;
        }
    }
}
