-- A course version is immutable once published; learners stay on the version they started.
CREATE TABLE course_version (
    id            BIGSERIAL PRIMARY KEY,
    course_id     TEXT        NOT NULL,
    version       INT         NOT NULL CHECK (version > 0),
    title         TEXT        NOT NULL,
    summary       TEXT        NOT NULL,
    attribution   TEXT        NOT NULL,
    language      TEXT        NOT NULL,
    content_hash  TEXT        NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (course_id, version)
);

CREATE TABLE course_module (
    id                 BIGSERIAL PRIMARY KEY,
    course_version_id  BIGINT NOT NULL REFERENCES course_version (id),
    module_id          TEXT   NOT NULL,
    position           INT    NOT NULL,
    title              TEXT   NOT NULL,
    UNIQUE (course_version_id, module_id)
);

CREATE TABLE lesson (
    id                 BIGSERIAL PRIMARY KEY,
    course_version_id  BIGINT  NOT NULL REFERENCES course_version (id),
    lesson_id          TEXT    NOT NULL,
    module_id          TEXT    NOT NULL,
    position           INT     NOT NULL,
    title              TEXT    NOT NULL,
    estimated_minutes  INT     NOT NULL,
    required           BOOLEAN NOT NULL,
    objectives         JSONB   NOT NULL,
    blocks             JSONB   NOT NULL,
    UNIQUE (course_version_id, lesson_id)
);

CREATE TABLE quiz_placement (
    id                 BIGSERIAL PRIMARY KEY,
    course_version_id  BIGINT  NOT NULL REFERENCES course_version (id),
    quiz_id            TEXT    NOT NULL,
    module_id          TEXT    NOT NULL,
    title              TEXT    NOT NULL,
    pass_percent       INT     NOT NULL,
    required           BOOLEAN NOT NULL,
    unlocked_by        JSONB   NOT NULL,
    UNIQUE (course_version_id, quiz_id)
);

-- Which version each learner follows: set when they first complete a lesson, kept until they finish.
CREATE TABLE learner_course (
    learner_id  TEXT        NOT NULL,
    course_id   TEXT        NOT NULL,
    org_id      TEXT        NOT NULL,
    version     INT         NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (learner_id, course_id)
);

CREATE TABLE lesson_completion (
    learner_id    TEXT        NOT NULL,
    course_id     TEXT        NOT NULL,
    version       INT         NOT NULL,
    lesson_id     TEXT        NOT NULL,
    org_id        TEXT        NOT NULL,
    completed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (learner_id, course_id, version, lesson_id)
);
