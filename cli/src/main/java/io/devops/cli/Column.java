package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/** One column of a table: its header and how a row's JSON gives the cell's text. */
record Column(String header, Function<JsonNode, String> cell) {

    /** A column showing a field (a JSON pointer such as {@code /agent/status}, or a top-level name). */
    static Column of(String header, String field) {
        String pointer = field.startsWith("/") ? field : "/" + field;
        return new Column(header, row -> Output.text(row.at(pointer)));
    }
}
