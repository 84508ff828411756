-- Issue 11: the website's session is served by any replica. When its access token expires, two requests of one visitor
-- on two replicas would both trade the same refresh token, and the second would look like a stolen token. The first
-- refresh keeps the pair it received here, sealed with the MFA encryption key, for a few seconds; the others, serialised
-- by an advisory lock on the token's hash, take it from here instead of refreshing again. Rows are purged with expired
-- tokens.
CREATE TABLE shared_token_refreshes (
    refresh_token_hash  varchar(64)  PRIMARY KEY,
    access_token        text         NOT NULL,
    refresh_token       text         NOT NULL,
    expires_in_seconds  bigint       NOT NULL,
    expires_at          timestamptz  NOT NULL
);
CREATE INDEX shared_token_refreshes_expires_at ON shared_token_refreshes (expires_at);
