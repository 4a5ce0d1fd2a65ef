package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTests {

    private static final List<Column> COLUMNS = List.of(Column.of("ID", "id"), Column.of("IP", "ip"), Column.of("AGENT", "/agent/status"));

    private static JsonNode json(String text) throws IOException {
        return Api.JSON.readTree(text);
    }

    @Test
    void aTableAlignsEveryColumnToItsWidestCell() throws IOException {
        String table = Output.render(json("[{\"id\":1,\"ip\":\"10.0.0.100\",\"agent\":{\"status\":\"ONLINE\"}},"
                + "{\"id\":22,\"ip\":\"10.0.0.2\",\"agent\":null}]"), Format.TABLE, COLUMNS);

        assertThat(table).isEqualTo("""
                ID  IP          AGENT
                1   10.0.0.100  ONLINE
                22  10.0.0.2    -
                """);
    }

    @Test
    void anEmptyListSaysSo() throws IOException {
        assertThat(Output.render(json("[]"), Format.TABLE, COLUMNS)).isEqualTo("(none)\n");
    }

    @Test
    void aCellKeepsToOneLine() throws IOException {
        String table = Output.render(json("[{\"id\":1,\"ip\":\"a\\nb\\tc\"}]"), Format.TABLE, COLUMNS);

        assertThat(table.lines()).hasSize(2);
        assertThat(table).contains("a b c");
    }

    @Test
    void oneObjectPrintsAsFieldsAndValues() throws IOException {
        String table = Output.render(json("{\"id\":5,\"labels\":{\"rack\":\"r1\"},\"lockReason\":null}"), Format.TABLE, COLUMNS);

        assertThat(table).isEqualTo("""
                FIELD       VALUE
                id          5
                labels      {"rack":"r1"}
                lockReason  -
                """);
    }

    @Test
    void jsonIsTheDataAsItCame() throws IOException {
        JsonNode data = json("[{\"id\":1,\"ip\":\"10.0.0.1\",\"labels\":{\"rack\":\"r1\"},\"x\":null}]");

        String printed = Output.render(data, Format.JSON, COLUMNS);

        assertThat(Api.JSON.readTree(printed)).isEqualTo(data);
        assertThat(printed).endsWith("\n");
    }

    @Test
    void yamlReadsBackToTheSameData() throws IOException {
        JsonNode data = json("{\"id\":1,\"name\":\"交付任务-北京A区\",\"labels\":{\"rack\":\"r1\"},\"items\":[1,2]}");

        String printed = Output.render(data, Format.YAML, COLUMNS);

        assertThat(new YAMLMapper().readTree(printed)).isEqualTo(data);
        assertThat(printed).doesNotStartWith("---");
    }

    @Test
    void wideCharactersCountOnceEach() throws IOException {
        String table = Output.render(json("[{\"id\":1,\"ip\":\"\uD835\uDC00\"},{\"id\":2,\"ip\":\"ab\"}]"), Format.TABLE,
                List.of(Column.of("IP", "ip"), Column.of("ID", "id")));

        assertThat(table.lines().toList()).containsExactly("IP  ID", "\uD835\uDC00   1", "ab  2");
    }
}
