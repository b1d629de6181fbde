-- The request body of every (event, endpoint), kept for replay until wagate.webhooks.retention.payloads has passed.
-- Bodies may hold message content: AES-GCM ciphertexts (nonce || ciphertext+tag, the endpoint id as associated
-- data), never plain text.
CREATE TABLE delivery_payload (
    webhook_id  text        PRIMARY KEY,
    endpoint_id uuid        NOT NULL,
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    body        bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_payload_by_endpoint ON delivery_payload (endpoint_id, created_at);
CREATE INDEX delivery_payload_age ON delivery_payload (created_at);

-- Retention of the attempt log deletes by age.
CREATE INDEX delivery_attempt_age ON delivery_attempt (created_at);
