package io.devops.platform.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the test database refuse to insert rows of one table whose text contains a marker, the way
 * a full disk refuses them (an error that is neither bad data nor a passing lock): a trigger, in
 * Java on H2 and with SIGNAL on MariaDB. Other rows, other tables and other tests are unaffected.
 */
public final class FailingWrites implements AutoCloseable {

    public static final String MESSAGE = "simulated: no space left on device";

    private final JdbcTemplate jdbc;
    private final String trigger;

    private FailingWrites(JdbcTemplate jdbc, String trigger) {
        this.jdbc = jdbc;
        this.trigger = trigger;
    }

    public static FailingWrites into(DataSource dataSource, String table, String marker) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String trigger = "test_fail_" + Integer.toHexString((table + marker).hashCode() & 0x7fffffff);
        if (isH2(dataSource)) {
            jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON " + table + " FOR EACH ROW AS $$"
                    + "org.h2.api.Trigger create() { return new org.h2.api.Trigger() {"
                    + " public void fire(java.sql.Connection c, Object[] oldRow, Object[] row) throws java.sql.SQLException {"
                    + "  for (Object value : row) {"
                    + "   String text = value instanceof java.sql.Clob ? ((java.sql.Clob) value).getSubString(1, (int) ((java.sql.Clob) value).length())"
                    + "       : String.valueOf(value);"
                    + "   if (text.contains(\"" + marker + "\")) { throw new java.sql.SQLException(\"" + MESSAGE + "\", \"HY000\", 28); }"
                    + "  }"
                    + " } }; } $$");
        } else {
            jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON " + table + " FOR EACH ROW BEGIN "
                    + "IF NEW.content LIKE '%" + marker + "%' THEN SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = '" + MESSAGE
                    + "', MYSQL_ERRNO = 1021; END IF; END");
        }
        return new FailingWrites(jdbc, trigger);
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes work again. */
    @Override
    public void close() {
        jdbc.execute("DROP TRIGGER " + trigger);
    }
}
