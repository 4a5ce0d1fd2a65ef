-- API tokens never outlive what made them. created_from_token_id names the token a token was made
-- with; null means a user signed in with their password made it (console session or HTTP Basic).
-- Revoking a token revokes those made from it, and its expiry caps theirs (see ApiTokens).
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 in MySQL mode.

ALTER TABLE api_tokens ADD COLUMN created_from_token_id BIGINT;

CREATE INDEX ix_api_tokens_created_from ON api_tokens (created_from_token_id);

ALTER TABLE api_tokens ADD CONSTRAINT fk_api_tokens_created_from
    FOREIGN KEY (created_from_token_id) REFERENCES api_tokens (id) ON DELETE CASCADE;

-- Disabling a user now revokes their tokens; until now they were only refused while the user stayed
-- disabled, and came back when the user was enabled again. Revoke those of users disabled today,
-- as of the user's last change (when they were disabled).
UPDATE api_tokens
SET revoked_at = (SELECT COALESCE(u.updated_at, api_tokens.created_at) FROM users u WHERE u.id = api_tokens.user_id),
    revoked_by = 'system'
WHERE revoked_at IS NULL
  AND user_id IN (SELECT id FROM users WHERE enabled = FALSE);
