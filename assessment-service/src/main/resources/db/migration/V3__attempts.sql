-- One learner's attempt at a quiz: the drawn and shuffled layout is stored so a reload shows the same order.
CREATE TABLE attempt (
    id              UUID        PRIMARY KEY,
    quiz_id         TEXT        NOT NULL,
    course_id       TEXT        NOT NULL,
    org_id          TEXT        NOT NULL,
    learner_id      TEXT        NOT NULL,
    attempt_number  INT         NOT NULL CHECK (attempt_number > 0),
    status          TEXT        NOT NULL CHECK (status IN ('IN_PROGRESS', 'SCORED')),
    started_at      TIMESTAMPTZ NOT NULL,
    deadline        TIMESTAMPTZ,
    -- [{questionId, slot, optionOrder[], itemOrder[]}] in the order shown
    layout          JSONB       NOT NULL,
    -- {questionId: {optionIds[], matches{}}}: saved before submission, final after it
    answers         JSONB       NOT NULL DEFAULT '{}',
    submitted_at    TIMESTAMPTZ,
    score           DOUBLE PRECISION,
    max_score       DOUBLE PRECISION,
    percent         DOUBLE PRECISION,
    passed          BOOLEAN,
    -- the scored result exactly as answered, so a resubmission returns the same thing
    result          JSONB,
    UNIQUE (org_id, learner_id, quiz_id, attempt_number)
);
CREATE INDEX attempt_learner_quiz ON attempt (org_id, learner_id, quiz_id, attempt_number);
