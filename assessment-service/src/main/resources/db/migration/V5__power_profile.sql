-- A learner's self-assessment of the powers they hold. No right answers, never graded.
CREATE TABLE power_profile (
    org_id      TEXT        NOT NULL,
    learner_id  TEXT        NOT NULL,
    answers     JSONB       NOT NULL,
    result      JSONB       NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, learner_id)
);
