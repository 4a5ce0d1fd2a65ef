package io.devops.platform.catalog;

import io.devops.platform.shared.Like;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/** A WHERE clause built from the filters actually given: no "? IS NULL" tricks that H2 cannot type. */
final class ListFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    ListFilter nameContains(String column, String name) {
        if (name != null && !name.isBlank()) {
            conditions.add(column + " LIKE :name");
            params.put("name", Like.contains(name));
        }
        return this;
    }

    ListFilter equal(String column, String param, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + param);
            params.put(param, value);
        }
        return this;
    }

    ListFilter when(boolean apply, String condition) {
        if (apply) {
            conditions.add(condition);
        }
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    StatementSpec bind(StatementSpec statement) {
        params.forEach(statement::param);
        return statement;
    }
}
