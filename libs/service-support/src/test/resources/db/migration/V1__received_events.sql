CREATE TABLE received_event (
    event_id   text        NOT NULL,
    payload    text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
