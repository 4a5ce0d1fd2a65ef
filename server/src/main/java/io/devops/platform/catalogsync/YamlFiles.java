package io.devops.platform.catalogsync;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * YAML in and out. Written in block style with keys in the order the caller put them (so the same
 * data gives the same text) and multi-line text as literal blocks where YAML allows it; read with
 * SnakeYAML's safe constructor only (plain maps, lists and scalars), duplicate keys refused.
 */
final class YamlFiles {

    private YamlFiles() {
    }

    static byte[] dump(Map<String, Object> document) {
        return yaml().dump(document).getBytes(StandardCharsets.UTF_8);
    }

    /** The document as a map; 400 naming {@code path} when it is not UTF-8 YAML holding a mapping. */
    static Map<String, Object> load(String path, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw TreeArchive.bad(path + ": is not UTF-8 text");
        }
        Object loaded;
        try {
            loaded = yaml().load(text);
        } catch (YAMLException e) {
            throw TreeArchive.bad(path + ": is not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw TreeArchive.bad(path + ": must hold a YAML mapping (key: value lines)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) map;
        return document;
    }

    private static Yaml yaml() {
        LoaderOptions loading = new LoaderOptions();
        loading.setAllowDuplicateKeys(false);
        loading.setMaxAliasesForCollections(20);
        loading.setCodePointLimit((int) TreeArchive.MAX_FILE_BYTES);
        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setSplitLines(false);
        dumping.setWidth(Integer.MAX_VALUE);
        return new Yaml(new SafeConstructor(loading), new LiteralText(dumping), dumping, loading);
    }

    /** Multi-line strings as {@code |} blocks: readable scripts, and diffs that show the changed line. */
    private static final class LiteralText extends Representer {

        LiteralText(DumperOptions options) {
            super(options);
            Represent plain = representers.get(String.class);
            representers.put(String.class, data -> {
                String text = (String) data;
                return text.contains("\n") ? representScalar(Tag.STR, text, DumperOptions.ScalarStyle.LITERAL)
                        : plain.representData(data);
            });
        }
    }
}
