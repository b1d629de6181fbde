-- auth-service schema: organizations, people, their roles, credentials and the security audit trail.

CREATE TABLE tenants (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Emails are stored lower-cased so that one unique index makes them unique case-insensitively.
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL CHECK (email = lower(email)),
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    operator      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

CREATE TABLE memberships (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'DEVELOPER', 'VIEWER')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id, created_at);

-- Only SHA-256 hashes of refresh tokens are kept; a family is one login's chain of rotations.
CREATE TABLE refresh_tokens (
    id         uuid        PRIMARY KEY,
    family_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    rotated_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);

CREATE TABLE invites (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email       text        NOT NULL CHECK (email = lower(email)),
    role        text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'DEVELOPER', 'VIEWER')),
    token_hash  bytea       NOT NULL UNIQUE,
    invited_by  uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid
);
CREATE INDEX invites_tenant ON invites (tenant_id);

-- Projection of platform.instance.events: which tenant owns an instance, and its engine (live or test keys).
CREATE TABLE known_instances (
    id         uuid        PRIMARY KEY,
    tenant_id  uuid        NOT NULL,
    name       text        NOT NULL,
    engine     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
CREATE INDEX known_instances_tenant ON known_instances (tenant_id);

-- The secret is never stored: prefix finds the row, secret_hash (SHA-256 of the whole key) proves possession.
-- retire_at is the end of a rotation overlap; the key stops being valid then and revoked_at is filled in.
CREATE TABLE api_keys (
    id              uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    instance_id     uuid        NOT NULL,
    name            text        NOT NULL,
    prefix          text        NOT NULL UNIQUE,
    environment     text        NOT NULL CHECK (environment IN ('live', 'test')),
    secret_hash     bytea       NOT NULL,
    scopes          text[]      NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    revoked_at      timestamptz,
    revoke_reason   text,
    retire_at       timestamptz,
    replaces_key_id uuid        REFERENCES api_keys (id),
    last_used_at    timestamptz
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id, created_at);
CREATE INDEX api_keys_instance ON api_keys (instance_id) WHERE revoked_at IS NULL;
CREATE INDEX api_keys_retiring ON api_keys (retire_at) WHERE revoked_at IS NULL AND retire_at IS NOT NULL;

-- Security audit trail. details never holds secrets (no passwords, tokens or key secrets).
CREATE TABLE audit_log (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid,
    actor       text        NOT NULL,
    type        text        NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    ip          text,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_tenant ON audit_log (tenant_id, id DESC);

-- Access-token signing keys generated for local runs only (production keys come from configuration).
-- Stored unencrypted: acceptable for a developer machine, never used when keys are configured.
CREATE TABLE signing_keys (
    kid         text        PRIMARY KEY,
    private_key text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
