-- Assessment owns grading: each scored attempt now carries the quiz's grading method and the attempt that
-- counts after it, and progress reads the grade from the latest attempt instead of choosing one itself.
ALTER TABLE quiz_attempt ADD COLUMN grading_method TEXT CHECK (grading_method IN ('HIGHEST', 'LAST'));
ALTER TABLE quiz_attempt ADD COLUMN graded_attempt_id TEXT;

-- Rows stored before: graded as they were shown until now (the best attempt so far, ties to the earlier one).
UPDATE quiz_attempt a SET grading_method = 'HIGHEST',
    graded_attempt_id = (SELECT b.attempt_id FROM quiz_attempt b
                         WHERE b.learner_id = a.learner_id AND b.course_id = a.course_id AND b.quiz_id = a.quiz_id
                           AND b.attempt_number <= a.attempt_number
                         ORDER BY b.percent DESC, b.attempt_number, b.attempt_id LIMIT 1);

ALTER TABLE quiz_attempt ALTER COLUMN grading_method SET NOT NULL;
ALTER TABLE quiz_attempt ALTER COLUMN graded_attempt_id SET NOT NULL;
