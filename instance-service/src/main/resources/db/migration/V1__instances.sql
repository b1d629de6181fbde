-- Instances of every tenant with their projected session state. One row per instance: the projection of session
-- events updates it in place, guarded by last_sequence (the highest per-instance event sequence applied).
CREATE TABLE instance (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    name           text        NOT NULL,
    description    text,
    engine         text        NOT NULL,
    desired_state  text        NOT NULL DEFAULT 'DISCONNECTED',
    status         text        NOT NULL DEFAULT 'INIT',
    status_reason  text,
    status_detail  text,
    status_since   timestamptz NOT NULL DEFAULT now(),
    last_sequence  bigint      NOT NULL DEFAULT 0,
    phone_number   text,
    jid            text,
    push_name      text,
    platform       text,
    reconnects     integer     NOT NULL DEFAULT 0,
    messages_day   date,
    messages_today integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT instance_name_per_tenant UNIQUE (tenant_id, name)
);
CREATE INDEX instance_tenant_status ON instance (tenant_id, status);

-- One row per tenant, locked while an instance is created: serializes concurrent creates of one tenant so that
-- the count against the plan limit cannot be raced.
CREATE TABLE tenant_instance_lock (
    tenant_id uuid PRIMARY KEY
);

-- Projection of platform.subscription.events: the newest subscription (highest version) per tenant.
CREATE TABLE tenant_plan (
    tenant_id           uuid        PRIMARY KEY,
    plan                text        NOT NULL,
    status              text        NOT NULL,
    max_instances       integer     NOT NULL,
    requests_per_minute integer     NOT NULL,
    daily_message_quota integer     NOT NULL,
    version             bigint      NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Projection of quota events: a tenant that used its daily message quota, until resets_at.
CREATE TABLE quota_block (
    tenant_id uuid        PRIMARY KEY,
    day       date        NOT NULL,
    resets_at timestamptz NOT NULL
);

-- Answers of lifecycle requests that carried an Idempotency-Key, replayed for the same key within the window.
CREATE TABLE idempotent_request (
    tenant_id       uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL,
    response        text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX idempotent_request_age ON idempotent_request (created_at);

-- Connection log lines from session events, kept for a bounded time and number of lines per instance.
CREATE TABLE connection_log (
    id          bigserial   PRIMARY KEY,
    instance_id uuid        NOT NULL REFERENCES instance (id) ON DELETE CASCADE,
    sequence    bigint      NOT NULL,
    level       text        NOT NULL,
    level_rank  smallint    NOT NULL,
    message     text        NOT NULL,
    logged_at   timestamptz NOT NULL,
    CONSTRAINT connection_log_once UNIQUE (instance_id, sequence)
);
CREATE INDEX connection_log_time ON connection_log (instance_id, logged_at);
CREATE INDEX connection_log_age ON connection_log (logged_at);
