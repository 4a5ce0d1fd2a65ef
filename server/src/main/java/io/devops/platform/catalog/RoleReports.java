package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report files each role declares (the role_reports table): Markdown files the role writes on
 * every node, which the platform collects after a playbook that runs the role.
 */
@Repository
class RoleReports {

    static final int MAX_REPORTS = 20;
    private static final int MAX_PATH = 1000;

    private final JdbcClient jdbc;

    RoleReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> ofRole(long roleId) {
        return jdbc.sql("SELECT path FROM role_reports WHERE role_id = ? ORDER BY sequence").param(roleId)
                .query(String.class).list();
    }

    /** The reports of the operators' roles, in operator order, each path once. */
    List<String> ofOperators(List<Long> operatorIds) {
        var paths = new LinkedHashSet<String>();
        for (long operatorId : operatorIds) {
            paths.addAll(jdbc.sql("""
                    SELECT r.path FROM operators o JOIN role_reports r ON r.role_id = o.role_id
                    WHERE o.id = ? ORDER BY r.sequence""").param(operatorId).query(String.class).list());
        }
        return List.copyOf(paths);
    }

    void replace(long roleId, List<String> paths) {
        jdbc.sql("DELETE FROM role_reports WHERE role_id = ?").param(roleId).update();
        int sequence = 0;
        for (String path : paths) {
            jdbc.sql("INSERT INTO role_reports (role_id, sequence, path) VALUES (?, ?, ?)")
                    .params(roleId, ++sequence, path).update();
        }
    }

    /** The paths as given, checked: absolute, one line, no '..', each once; every problem at once. */
    static List<String> checked(List<String> paths) {
        List<InputError> errors = new ArrayList<>();
        List<String> given = paths == null ? List.of() : paths;
        if (given.size() > MAX_REPORTS) {
            errors.add(new InputError("reports", "at most " + MAX_REPORTS + " report files"));
        }
        var seen = new LinkedHashSet<String>();
        for (int i = 0; i < given.size(); i++) {
            String path = given.get(i);
            if (path == null || !path.startsWith("/") || path.length() > MAX_PATH || path.contains("\n")
                    || path.contains("\0") || path.contains("/../") || path.endsWith("/..")) {
                errors.add(new InputError("reports[" + i + "]", "must be an absolute path on one line without '..', at most "
                        + MAX_PATH + " characters, such as /tmp/host_info.md"));
            } else if (!seen.add(path)) {
                errors.add(new InputError("reports[" + i + "]", "lists " + path + " a second time"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The reports are not valid: " + errors.get(0).field() + " "
                    + errors.get(0).message(), errors);
        }
        return List.copyOf(given);
    }
}
