-- A guest's notification choices (spec section 2.5). Only choices the guest made are stored; a missing row
-- means the type's default. Essential email cannot be turned off, which the application enforces; the
-- source and time of each choice are kept as consent evidence (GDPR).
CREATE TABLE notification_preferences (
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    notification_type varchar(32) NOT NULL
                      CHECK (notification_type IN ('ACCOUNT_SECURITY', 'BOOKINGS', 'PAYMENT_RECEIPTS', 'LOYALTY', 'MARKETING')),
    channel           varchar(16) NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    enabled           boolean     NOT NULL,
    source            varchar(32) NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (user_id, notification_type, channel)
);

-- Administrators' versions of the shipped email templates, used instead of them without a redeploy.
CREATE TABLE email_templates (
    name       varchar(64)  NOT NULL,
    locale     varchar(35)  NOT NULL,
    subject    varchar(998) NOT NULL,
    html_body  text         NOT NULL,
    text_body  text         NOT NULL,
    updated_at timestamptz  NOT NULL,
    updated_by varchar(320) NOT NULL,
    PRIMARY KEY (name, locale)
);
