-- The instances this worker group knows, with what their owners asked for (desired_state) and what the worker last
-- reported (status, reason). last_sequence is the per-instance sequence of session events: it is incremented and
-- committed before an event is published, so a sequence is never handed out twice, even across workers.
CREATE TABLE sessions (
    instance_id   uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    instance_name text        NOT NULL,
    engine        text        NOT NULL,
    desired_state text        NOT NULL,
    last_sequence bigint      NOT NULL DEFAULT 0,
    status        text        NOT NULL DEFAULT 'INIT',
    reason        text,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_desired ON sessions (desired_state);

-- The engine's credentials of one linked device, sealed with AES-256-GCM (additional data: the instance id, so a
-- row copied to another instance does not decrypt). key_id names the master key that sealed it, for rotation.
CREATE TABLE session_credentials (
    instance_id uuid        PRIMARY KEY,
    key_id      text        NOT NULL,
    nonce       bytea       NOT NULL,
    ciphertext  bytea       NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One-time prekeys of a linked device, sealed like the credentials (additional data: instance id and prekey id).
CREATE TABLE session_prekeys (
    instance_id uuid        NOT NULL,
    prekey_id   integer     NOT NULL,
    key_id      text        NOT NULL,
    nonce       bytea       NOT NULL,
    ciphertext  bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (instance_id, prekey_id)
);

-- Local profile only: the generated master key, kept (unencrypted) so that a restart can still read the
-- credentials. Outside the local profile the worker refuses to start without configured keys and never uses this.
CREATE TABLE local_master_key (
    key_id      text        PRIMARY KEY,
    key_base64  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
