-- Full-text search over lessons: title (weight A), objectives (B) and the text learners read in the blocks (C).
-- Lessons are immutable once published, so a stored generated column keeps the vector without triggers.

-- The readable text of a lesson's blocks; a quote's citation is left out (every quote cites the same article).
CREATE FUNCTION lesson_block_text(blocks JSONB) RETURNS TEXT
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(concat_ws(' ',
               block ->> 'title', block ->> 'text', block ->> 'prompt',
               block ->> 'asker', block ->> 'question', block ->> 'answerer', block ->> 'answer',
               CASE WHEN jsonb_typeof(block -> 'items') = 'array'
                    THEN (SELECT string_agg(item, ' ') FROM jsonb_array_elements_text(block -> 'items') AS item) END),
           E'\n' ORDER BY ordinality), '')
    FROM jsonb_array_elements(blocks) WITH ORDINALITY AS element(block, ordinality)
$$;

ALTER TABLE lesson ADD COLUMN search_vector TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A') ||
    setweight(jsonb_to_tsvector('english'::regconfig, objectives, '["string"]'), 'B') ||
    setweight(to_tsvector('english'::regconfig, lesson_block_text(blocks)), 'C')
) STORED;

CREATE INDEX lesson_search_idx ON lesson USING GIN (search_vector);
