package io.devops.platform.notify;

import io.devops.platform.credentials.SealedSecretHolder;
import io.devops.platform.notify.Channel.Smtp;
import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code notification_channels} rows. Holds sealed values, so a changed master key is never adopted over them. */
@Repository
class Channels implements SealedSecretHolder {

    private static final Map<String, String> SORTS = Map.of("id", "id", "name", "name", "type", "channel_type");

    private final JdbcClient jdbc;

    Channels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Channel channel) {
        var keys = new GeneratedKeyHolder();
        Smtp smtp = channel.smtp();
        jdbc.sql("""
                INSERT INTO notification_channels (name, channel_type, language, enabled, url_sealed, url_masked, secret_sealed,
                    smtp_host, smtp_port, smtp_username, smtp_from, smtp_to, smtp_starttls, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(channel.name(), channel.type().name(), channel.language().name(), channel.enabled(), channel.urlSealed(),
                        channel.urlMasked(), channel.secretSealed(), smtp == null ? null : smtp.host(),
                        smtp == null ? null : smtp.port(), smtp == null ? null : smtp.username(), smtp == null ? null : smtp.from(),
                        smtp == null ? null : String.join(",", smtp.to()), smtp == null ? null : smtp.starttls(),
                        DbTime.toDb(channel.createdAt()), channel.createdBy())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(Channel channel) {
        Smtp smtp = channel.smtp();
        jdbc.sql("""
                UPDATE notification_channels SET name = ?, language = ?, enabled = ?, url_sealed = ?, url_masked = ?,
                    secret_sealed = ?, smtp_host = ?, smtp_port = ?, smtp_username = ?, smtp_from = ?, smtp_to = ?,
                    smtp_starttls = ?, updated_at = ?, updated_by = ?
                WHERE id = ?""")
                .params(channel.name(), channel.language().name(), channel.enabled(), channel.urlSealed(), channel.urlMasked(),
                        channel.secretSealed(), smtp == null ? null : smtp.host(), smtp == null ? null : smtp.port(),
                        smtp == null ? null : smtp.username(), smtp == null ? null : smtp.from(),
                        smtp == null ? null : String.join(",", smtp.to()), smtp == null ? null : smtp.starttls(),
                        DbTime.toDb(channel.updatedAt()), channel.updatedBy(), channel.id())
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM notification_channels WHERE id = ?").param(id).update();
    }

    Optional<Channel> get(long id) {
        return jdbc.sql("SELECT * FROM notification_channels WHERE id = ?").param(id).query(Channels::map).optional();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_channels WHERE name = ? AND id <> ?").params(name, exceptId)
                .query(Long.class).single() > 0;
    }

    PageResult<Channel> page(PageQuery query) {
        long total = jdbc.sql("SELECT COUNT(*) FROM notification_channels").query(Long.class).single();
        List<Channel> items = jdbc.sql("SELECT * FROM notification_channels" + query.orderBy(SORTS, "id") + query.limitOffset())
                .query(Channels::map).list();
        return PageResult.of(items, total, query);
    }

    @Override
    public boolean holdsSealedSecrets() {
        return jdbc.sql("SELECT COUNT(*) FROM notification_channels WHERE url_sealed IS NOT NULL OR secret_sealed IS NOT NULL")
                .query(Long.class).single() > 0;
    }

    private static Channel map(ResultSet rs, int row) throws SQLException {
        ChannelType type = ChannelType.valueOf(rs.getString("channel_type"));
        Smtp smtp = null;
        if (type == ChannelType.EMAIL) {
            String to = rs.getString("smtp_to");
            int port = rs.getInt("smtp_port");
            smtp = new Smtp(rs.getString("smtp_host"), rs.wasNull() ? null : port, rs.getString("smtp_username"),
                    rs.getString("smtp_from"), to == null || to.isBlank() ? List.of() : Arrays.asList(to.split(",")),
                    rs.getBoolean("smtp_starttls"));
        }
        Instant updated = DbTime.read(rs, "updated_at");
        return new Channel(rs.getLong("id"), rs.getString("name"), type, Language.valueOf(rs.getString("language")),
                rs.getBoolean("enabled"), rs.getString("url_sealed"), rs.getString("url_masked"), rs.getString("secret_sealed"),
                smtp, DbTime.read(rs, "created_at"), rs.getString("created_by"), updated, rs.getString("updated_by"));
    }
}
