-- Spaced practice of the power types a learner has not mastered: one Leitner card per learner and type.
-- Boxes 1-4 are due 1, 3, 7 and 21 days after the card moved there; box 5 is "out": mastered, nothing due.
CREATE TABLE practice_item (
    id                  UUID        PRIMARY KEY,
    org_id              TEXT        NOT NULL,
    learner_id          TEXT        NOT NULL,
    course_id           TEXT        NOT NULL,
    power_type          TEXT        NOT NULL CHECK (power_type IN ('ROLE', 'PENALTY', 'REPUTATION', 'EXPERTISE')),
    box                 INT         NOT NULL CHECK (box BETWEEN 1 AND 5),
    due_at              TIMESTAMPTZ,
    -- the questions shown in the last sets, newest last, so a question is not drawn again too soon
    recent_question_ids JSONB       NOT NULL DEFAULT '[]',
    last_percent        DOUBLE PRECISION,
    last_practiced_at   TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (org_id, learner_id, course_id, power_type),
    CHECK ((box = 5) = (due_at IS NULL))
);
-- Reminders: what is due in an organisation, oldest first.
CREATE INDEX practice_item_due ON practice_item (org_id, due_at) WHERE due_at IS NOT NULL;

-- One practice set: its questions and, once submitted, its result. Never an attempt: it changes no grade.
CREATE TABLE practice_session (
    id            UUID        PRIMARY KEY,
    item_id       UUID        NOT NULL REFERENCES practice_item (id),
    org_id        TEXT        NOT NULL,
    learner_id    TEXT        NOT NULL,
    power_type    TEXT        NOT NULL,
    box           INT         NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    layout        JSONB       NOT NULL,
    answers       JSONB       NOT NULL DEFAULT '{}',
    submitted_at  TIMESTAMPTZ,
    percent       DOUBLE PRECISION,
    mastered      BOOLEAN,
    next_box      INT,
    next_due_at   TIMESTAMPTZ,
    result        JSONB
);
CREATE INDEX practice_session_item ON practice_session (item_id, started_at);
