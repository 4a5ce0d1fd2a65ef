package io.devops.platform.collections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A collection artifact as a user makes it: {@code ansible-galaxy collection build} on a small source tree. */
public final class GalaxyBuild {

    private GalaxyBuild() {
    }

    /** Builds {@code namespace.name} at {@code version} with one module, {@code <namespace>.<name>.touch}, that writes a file. */
    public static byte[] build(String namespace, String name, String version, String marker) {
        try {
            Path source = Files.createTempDirectory("collection-src-");
            Files.writeString(source.resolve("galaxy.yml"), """
                    namespace: %s
                    name: %s
                    version: %s
                    readme: README.md
                    authors: [tests]
                    """.formatted(namespace, name, version));
            Files.writeString(source.resolve("README.md"), "test collection " + marker + "\n");
            Path modules = Files.createDirectories(source.resolve("plugins/modules"));
            Files.writeString(modules.resolve("touch.py"), """
                    #!/usr/bin/python
                    # %s
                    from ansible.module_utils.basic import AnsibleModule

                    def main():
                        module = AnsibleModule(argument_spec=dict(path=dict(type='str', required=True),
                                                                  text=dict(type='str', required=True)))
                        with open(module.params['path'], 'w') as f:
                            f.write(module.params['text'])
                        module.exit_json(changed=True, wrote=module.params['text'])

                    if __name__ == '__main__':
                        main()
                    """.formatted(marker));
            Path out = Files.createTempDirectory("collection-out-");
            Process build = new ProcessBuilder("ansible-galaxy", "collection", "build", "--output-path", out.toString(),
                    source.toString()).redirectErrorStream(true).start();
            String output = new String(build.getInputStream().readAllBytes());
            if (!build.waitFor(120, TimeUnit.SECONDS) || build.exitValue() != 0) {
                throw new IllegalStateException("ansible-galaxy collection build failed: " + output);
            }
            return Files.readAllBytes(out.resolve(namespace + "-" + name + "-" + version + ".tar.gz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
