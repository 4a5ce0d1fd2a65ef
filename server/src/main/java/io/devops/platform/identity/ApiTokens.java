package io.devops.platform.identity;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** API tokens, stored as SHA-256 hashes: the token itself is shown once and never kept. */
@Repository
class ApiTokens {

    private static final Map<String, String> SORTABLE = Map.of("id", "t.id", "name", "t.name", "createdAt", "t.created_at",
            "lastUsedAt", "t.last_used_at", "expiresAt", "t.expires_at");

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A token made from another ({@code createdFromTokenId}) expires no later than that one; revoking
     * that one revokes it too (see {@link #revoke}). Null: made by a user signed in with a password.
     */
    long insert(long userId, Long createdFromTokenId, String name, String hash, String prefix, Set<TokenScope> scopes,
                Instant expiresAt, Instant at, String by) {
        Instant expires = createdFromTokenId == null ? expiresAt : earliest(expiresAt, expiryOf(createdFromTokenId));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_tokens (user_id, created_from_token_id, name, token_hash, token_prefix, scopes, expires_at,
                                        created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, createdFromTokenId, name, hash, prefix, TokenScope.stored(scopes), DbTime.toDb(expires),
                        DbTime.toDb(at), by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Null: never expires (wrapped on the way, as a single result may not be null). */
    private Instant expiryOf(long id) {
        return jdbc.sql("SELECT expires_at FROM api_tokens WHERE id = ?").param(id)
                .query((rs, row) -> Optional.ofNullable(DbTime.read(rs, "expires_at"))).single().orElse(null);
    }

    /** The earlier of two expiries, where null is never. */
    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    /**
     * The enabled owner of a live token, for authentication, with the owner's role as it is now: a
     * demoted user's tokens lose the rights at the next request.
     */
    Optional<TokenOwner> ownerOf(String hash, Instant now) {
        return jdbc.sql("""
                SELECT t.id, t.scopes, t.last_used_at, t.last_used_address, u.username, u.role
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)
                  AND u.enabled = TRUE""")
                .params(hash, DbTime.toDb(now))
                .query((rs, row) -> new TokenOwner(rs.getLong("id"), rs.getString("username"),
                        Users.roleOf(rs), TokenScope.fromStored(rs.getString("scopes")),
                        DbTime.read(rs, "last_used_at"), rs.getString("last_used_address")))
                .optional();
    }

    void touch(long id, Instant at, String address) {
        jdbc.sql("UPDATE api_tokens SET last_used_at = ?, last_used_address = ? WHERE id = ?")
                .params(DbTime.toDb(at), address, id).update();
    }

    Optional<ApiTokenView> byId(long id) {
        return jdbc.sql(SELECT_VIEW + " WHERE t.id = ?").param(id).query(ApiTokens::view).optional();
    }

    /** A page of tokens: of one user when {@code userId} is set, of everyone's otherwise; optionally by owner name. */
    PageResult<ApiTokenView> page(Long userId, String username, PageQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (userId != null) {
            conditions.add("t.user_id = ?");
            params.add(userId);
        }
        if (username != null && !username.isBlank()) {
            conditions.add("LOWER(u.username) = LOWER(?)");
            params.add(username);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM api_tokens t JOIN users u ON u.id = t.user_id" + where)
                .params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add(query.offset());
        List<ApiTokenView> items = jdbc.sql(SELECT_VIEW + where + query.orderBy(SORTABLE, "t.id") + " LIMIT ? OFFSET ?")
                .params(pageParams).query(ApiTokens::view).list();
        return PageResult.of(items, total, query);
    }

    /** Revokes the token and every token made from it, at any depth; answers how many were live. */
    int revoke(long id, Instant at, String by) {
        int revoked = 0;
        Deque<Long> pending = new ArrayDeque<>(List.of(id));
        while (!pending.isEmpty()) {
            long next = pending.pop();
            revoked += jdbc.sql("UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                    .params(DbTime.toDb(at), by, next).update();
            pending.addAll(jdbc.sql("SELECT id FROM api_tokens WHERE created_from_token_id = ?").param(next)
                    .query(Long.class).list());
        }
        return revoked;
    }

    /** Ends every live token of a user (which includes every token made from them); answers how many. */
    int revokeAllOf(long userId, Instant at, String by) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(DbTime.toDb(at), by, userId).update();
    }

    private static final String SELECT_VIEW = """
            SELECT t.id, t.name, t.token_prefix, t.scopes, t.expires_at, t.last_used_at, t.last_used_address,
                   t.revoked_at, t.created_at,
                   t.created_from_token_id, u.username
            FROM api_tokens t JOIN users u ON u.id = t.user_id""";

    private static ApiTokenView view(ResultSet rs, int row) throws SQLException {
        return new ApiTokenView(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
                rs.getString("token_prefix"), TokenScope.apiNames(TokenScope.fromStored(rs.getString("scopes"))),
                DbTime.read(rs, "created_at"), DbTime.read(rs, "expires_at"), DbTime.read(rs, "last_used_at"),
                rs.getString("last_used_address"), DbTime.read(rs, "revoked_at"),
                rs.getObject("created_from_token_id", Long.class));
    }

    /** {@code role} is null for a tenant user. */
    record TokenOwner(long tokenId, String username, Role role, Set<TokenScope> scopes, Instant lastUsedAt,
                      String lastUsedAddress) {
    }

    /** What the API shows of a token: never the token or its hash. */
    record ApiTokenView(long id, String name, String username, String prefix, List<String> scopes, Instant createdAt,
                        Instant expiresAt, Instant lastUsedAt, String lastUsedAddress, Instant revokedAt,
                        Long createdFromTokenId) {
    }
}
