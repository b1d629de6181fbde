-- Instances as instance-service announces them (platform.instance.events): endpoints are created by instance
-- name, and events carry only the instance id.
CREATE TABLE known_instance (
    id         uuid        PRIMARY KEY,
    tenant_id  uuid        NOT NULL,
    name       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX known_instance_by_name ON known_instance (tenant_id, name);

-- Webhook endpoints. Secrets are AES-GCM ciphertexts (nonce || ciphertext+tag, the endpoint id as associated data),
-- never plain text; the previous secret stays valid (both signatures are sent) until previous_secret_expires_at.
CREATE TABLE endpoint (
    id                         uuid        PRIMARY KEY,
    tenant_id                  uuid        NOT NULL,
    instance_id                uuid        NOT NULL,
    url                        text        NOT NULL,
    event_types                text[]      NOT NULL,
    secret                     bytea       NOT NULL,
    previous_secret            bytea,
    previous_secret_expires_at timestamptz,
    enabled                    boolean     NOT NULL DEFAULT true,
    disabled_reason            text,
    -- Start of the current run of failed attempts; cleared by a success. Too long a run disables the endpoint.
    failing_since              timestamptz,
    headers                    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX endpoint_by_tenant ON endpoint (tenant_id, instance_id);
CREATE INDEX endpoint_by_instance ON endpoint (instance_id) WHERE enabled;

-- One row per delivery attempt; bodies are never stored (they may hold message content).
CREATE TABLE delivery_attempt (
    id           uuid        PRIMARY KEY,
    endpoint_id  uuid        NOT NULL,
    event_id     text        NOT NULL,
    webhook_id   text        NOT NULL,
    event_type   text        NOT NULL,
    attempt      int         NOT NULL,
    status_code  int,
    latency_ms   bigint      NOT NULL,
    error_class  text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_attempt_by_endpoint ON delivery_attempt (endpoint_id, created_at);
CREATE INDEX delivery_attempt_by_webhook ON delivery_attempt (webhook_id);

-- Local runs only (wagate.profile=local without wagate.webhooks.secret-key): the generated key-encryption key,
-- kept unencrypted so that restarts can still read the endpoints' secrets. Never used outside the local profile.
CREATE TABLE local_secret_key (
    id         int         PRIMARY KEY CHECK (id = 1),
    key_base64 text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
