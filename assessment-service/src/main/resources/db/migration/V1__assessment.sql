-- Where each quiz sits in each published course version, as upward.course.published tells it.
CREATE TABLE quiz_placement (
    course_id     TEXT    NOT NULL,
    version       INT     NOT NULL,
    quiz_id       TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    pass_percent  INT     NOT NULL,
    required      BOOLEAN NOT NULL,
    unlocked_by   JSONB   NOT NULL,
    PRIMARY KEY (course_id, version, quiz_id)
);
CREATE INDEX quiz_placement_quiz ON quiz_placement (quiz_id, version DESC);
