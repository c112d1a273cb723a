-- The learner's progress page of the course, computed when their facts change (ProgressSnapshot), so a read is
-- one row. Null until the course's structure is known; rows written before this column are computed on read.
ALTER TABLE learner_course_summary ADD COLUMN progress JSONB;
