-- The transactional outbox for email (DESIGN section 5). A row is written in the same transaction as
-- the business change that causes it and holds everything needed to send it later.
CREATE TABLE email_queue (
    id               uuid         PRIMARY KEY,
    template         varchar(64)  NOT NULL,
    locale           varchar(35)  NOT NULL DEFAULT 'en',
    recipient        varchar(320) NOT NULL,
    cc               text[]       NOT NULL DEFAULT '{}',
    bcc              text[]       NOT NULL DEFAULT '{}',
    -- The template's variables, as JSON.
    model            jsonb        NOT NULL DEFAULT '{}',
    -- Stable across retries so that a receiver can drop a duplicate sent in a worker's crash window.
    message_id       varchar(255) NOT NULL UNIQUE,
    status           varchar(16)  NOT NULL DEFAULT 'QUEUED'
                     CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'RETRYING', 'DEAD')),
    attempts         integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
    -- Set while a worker holds the row in SENDING; an expired lease means the worker died.
    lease_expires_at timestamptz,
    last_error       text,
    provider         varchar(64),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
    CHECK ((status = 'SENDING') = (lease_expires_at IS NOT NULL))
);

-- What the workers claim: due rows awaiting delivery, oldest first.
CREATE INDEX email_queue_due ON email_queue (next_attempt_at) WHERE status IN ('QUEUED', 'RETRYING');
-- Depth and age by status without reading the (ever growing) sent history.
CREATE INDEX email_queue_unsent ON email_queue (status, created_at) WHERE status <> 'SENT';
