-- The question bank, loaded from the repository's bank files at start. Questions are only ever added or
-- updated, never deleted: past attempts keep pointing at them.
CREATE TABLE question_bank_load (
    course_id  TEXT        PRIMARY KEY,
    sha256     TEXT        NOT NULL,
    loaded_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE question (
    id           TEXT  PRIMARY KEY,
    course_id    TEXT  NOT NULL,
    type         TEXT  NOT NULL,
    lesson_id    TEXT  NOT NULL,
    power_types  JSONB NOT NULL,
    -- The whole question as the bank writes it, keys and feedback included: never sent before submission.
    body         JSONB NOT NULL
);
CREATE INDEX question_course ON question (course_id);

CREATE TABLE quiz (
    id              TEXT  PRIMARY KEY,
    course_id       TEXT  NOT NULL,
    title           TEXT  NOT NULL,
    kind            TEXT  NOT NULL,
    pass_percent    INT   NOT NULL CHECK (pass_percent BETWEEN 0 AND 100),
    question_count  INT   NOT NULL CHECK (question_count > 0),
    body            JSONB NOT NULL
);
