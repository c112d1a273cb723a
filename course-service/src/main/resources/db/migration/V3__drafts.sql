-- An author's working copy of a course: at most one draft per course, edited lesson by lesson, validated,
-- then published as the next immutable course_version and deleted. revision counts edits (the draft's ETag).
CREATE TABLE course_draft (
    course_id         TEXT        PRIMARY KEY,
    based_on_version  INT,
    revision          INT         NOT NULL,
    content           JSONB       NOT NULL,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_by        TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
