-- One subscription per tenant. version increases with every published change (SubscriptionChanged.version);
-- version 0 marks a row created implicitly on the default plan whose creation event has not been published.
CREATE TABLE subscription (
    tenant_id  uuid        PRIMARY KEY,
    plan       text        NOT NULL,
    status     text        NOT NULL,
    version    bigint      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Message usage per tenant and UTC day. quota_exceeded_at is set once, when the day's quota is reached, which is
-- what makes MessageQuotaExceeded a once-per-tenant-per-day event.
CREATE TABLE daily_usage (
    tenant_id         uuid        NOT NULL,
    day               date        NOT NULL,
    sent              bigint      NOT NULL DEFAULT 0,
    received          bigint      NOT NULL DEFAULT 0,
    quota_exceeded_at timestamptz,
    PRIMARY KEY (tenant_id, day)
);
