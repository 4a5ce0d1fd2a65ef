package io.devops.platform.ansible;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Text that Ansible must take literally: dumped with the {@code !unsafe} tag so that a command, a
 * path or a become password containing "{{" or "{%" is never evaluated as Jinja.
 */
public record UnsafeText(String text) {

    private static final Tag UNSAFE = new Tag("!unsafe");

    /** A YAML dumper (block style, lines never folded) that writes {@link UnsafeText} values as {@code !unsafe} strings. */
    public static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        Representer representer = new Representer(options) {
            {
                Represent strings = representers.get(String.class);
                representers.put(UnsafeText.class, data -> representScalar(UNSAFE, ((UnsafeText) data).text(),
                        ((UnsafeText) data).text().contains("\n") ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.DOUBLE_QUOTED));
                representers.put(String.class, strings);
            }
        };
        return new Yaml(representer, options);
    }
}
