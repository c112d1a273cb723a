-- The structure of each published course version, as upward.course.published tells it.
CREATE TABLE course_version (
    course_id     TEXT        NOT NULL,
    version       INT         NOT NULL,
    title         TEXT        NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL,
    lessons       JSONB       NOT NULL,
    quizzes       JSONB       NOT NULL,
    PRIMARY KEY (course_id, version)
);

-- Each lesson a learner completed, as upward.lesson.completed tells it (it may arrive before the course).
CREATE TABLE lesson_done (
    learner_id    TEXT        NOT NULL,
    org_id        TEXT        NOT NULL,
    course_id     TEXT        NOT NULL,
    version       INT         NOT NULL,
    lesson_id     TEXT        NOT NULL,
    completed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (learner_id, course_id, version, lesson_id)
);

-- One row per learner and course: the version they follow and when they started.
CREATE TABLE learner_course (
    learner_id   TEXT        NOT NULL,
    course_id    TEXT        NOT NULL,
    org_id       TEXT        NOT NULL,
    version      INT         NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (learner_id, course_id)
);
CREATE INDEX learner_course_org ON learner_course (org_id, course_id);
