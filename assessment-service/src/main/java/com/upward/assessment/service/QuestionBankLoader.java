package com.upward.assessment.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.upward.assessment.bank.BankDocument;
import com.upward.assessment.bank.BankValidator;
import com.upward.assessment.config.AssessmentConfig;
import com.upward.assessment.persistence.QuestionBankRepository;
import com.upward.platform.web.ContentLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Loads the question bank files kept in the repository into PostgreSQL at start. A file already loaded with
 * the same content is left alone; an invalid file stops the service rather than mis-score anyone.
 * {@link #load} answers false when this exact content was already loaded.
 */
@ApplicationScoped
public class QuestionBankLoader extends ContentLoader<BankDocument, Boolean> {

    private static final Logger LOG = Logger.getLogger(QuestionBankLoader.class);

    @Inject
    AssessmentConfig config;

    @Inject
    QuestionBankRepository bank;

    public QuestionBankLoader() {
        super("Question bank", BankDocument.class, "valid JSON for a bank", DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @Override
    protected List<String> files() {
        return config.questionBankFiles();
    }

    /** One bank file in one transaction. */
    @Override
    @Transactional
    protected Boolean store(BankDocument document, String sha256, String location) {
        List<String> problems = BankValidator.problems(document);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Question bank " + location + " is invalid:\n  " + String.join("\n  ", problems));
        }
        boolean loaded = bank.store(document, sha256);
        LOG.infof("Question bank %s (%d questions, %d quizzes): %s", location, document.questions().size(),
                document.quizzes().size(), loaded ? "loaded" : "unchanged");
        return loaded;
    }
}
