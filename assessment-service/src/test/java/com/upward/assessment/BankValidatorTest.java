package com.upward.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.bank.BankDocument;
import com.upward.assessment.bank.BankDocument.Option;
import com.upward.assessment.bank.BankDocument.Pool;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.Quiz;
import com.upward.assessment.bank.BankValidator;
import com.upward.assessment.bank.BankDocument.QuestionType;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken bank must be refused with a reason, never loaded. */
class BankValidatorTest {

    @Test
    void theShippedBankIsValid() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("question-bank/how-to-lead-upward.json")) {
            BankDocument bank = new ObjectMapper().readValue(in, BankDocument.class);
            assertEquals(List.of(), BankValidator.problems(bank));
            assertTrue(bank.questions().size() >= 30);
        }
    }

    @Test
    void brokenKeysUnknownQuestionsAndThinPoolsAreNamed() throws Exception {
        BankDocument bank;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("question-bank/how-to-lead-upward.json")) {
            bank = new ObjectMapper().readValue(in, BankDocument.class);
        }
        List<Question> questions = new ArrayList<>(bank.questions());
        Question first = questions.get(0);
        // two "correct" options on a single-choice question
        questions.set(0, new Question(first.id(), first.type(), first.lessonId(), first.powerTypes(), first.prompt(),
                first.options().stream().map(o -> new Option(o.id(), o.text(), true, o.feedback())).toList(), null));
        List<Quiz> quizzes = new ArrayList<>(bank.quizzes());
        Quiz graded = quizzes.get(0);
        quizzes.add(new Quiz("broken-quiz", "Broken", "GRADED", 80, List.of("no-such-question"), null, graded.settings()));
        quizzes.add(new Quiz("thin-pool", "Thin", "GRADED", 80, null, List.of(new Pool("ROLE", 500)), graded.settings()));
        List<String> problems = BankValidator.problems(new BankDocument(bank.courseId(), questions, quizzes));
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains(first.id()) && problems.get(0).contains("exactly one correct option"), problems::toString);
        assertTrue(problems.get(1).contains("unknown question no-such-question"), problems::toString);
        assertTrue(problems.get(2).contains("pool ROLE draws 500"), problems::toString);
    }

    @Test
    void optionIdsThatRepeatAcrossChoiceQuestionsAreRefused() throws Exception {
        BankDocument bank;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("question-bank/how-to-lead-upward.json")) {
            bank = new ObjectMapper().readValue(in, BankDocument.class);
        }
        // the old shape: every single-choice question's options named a, b, c, d, the correct one first
        List<Question> questions = bank.questions().stream().map(q -> q.type() != QuestionType.SINGLE_CHOICE ? q
                : new Question(q.id(), q.type(), q.lessonId(), q.powerTypes(), q.prompt(), java.util.stream.IntStream
                        .range(0, q.options().size()).mapToObj(i -> new Option(String.valueOf((char) ('a' + i)),
                                q.options().get(i).text(), q.options().get(i).correct(), q.options().get(i).feedback())).toList(), null))
                .toList();
        List<String> problems = BankValidator.problems(new BankDocument(bank.courseId(), questions, bank.quizzes()));
        assertTrue(!problems.isEmpty() && problems.stream().allMatch(p -> p.contains("bank-wide unique id")), problems::toString);
    }
}
