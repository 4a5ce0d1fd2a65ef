package io.devops.platform.execution;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Text that Ansible must take literally: dumped with the {@code !unsafe} tag so that a command or
 * a path containing "{{" is never evaluated as Jinja.
 */
record Unsafe(String text) {

    private static final Tag UNSAFE = new Tag("!unsafe");

    /** A YAML dumper that writes {@link Unsafe} values as {@code !unsafe} strings. */
    static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        Representer representer = new Representer(options) {
            {
                Represent strings = representers.get(String.class);
                representers.put(Unsafe.class, data -> representScalar(UNSAFE, ((Unsafe) data).text(),
                        ((Unsafe) data).text().contains("\n") ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.DOUBLE_QUOTED));
                representers.put(String.class, strings);
            }
        };
        return new Yaml(representer, options);
    }
}
