package com.upward.assessment.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.bank.BankDocument;
import com.upward.assessment.bank.BankValidator;
import com.upward.assessment.config.AssessmentConfig;
import com.upward.assessment.persistence.QuestionBankRepository;
import com.upward.platform.web.ContentFile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;

/**
 * Loads the question bank files kept in the repository into PostgreSQL at start. A file already loaded with
 * the same content is left alone; an invalid file stops the service rather than mis-score anyone.
 */
@ApplicationScoped
public class QuestionBankLoader {

    private static final Logger LOG = Logger.getLogger(QuestionBankLoader.class);

    @Inject
    AssessmentConfig config;

    @Inject
    QuestionBankRepository bank;

    @Inject
    ObjectMapper mapper;

    void onStart(@Observes StartupEvent event) {
        for (String file : config.questionBankFiles()) {
            load(file);
        }
    }

    /** Loads one bank file in one transaction; false when this exact content was already loaded. */
    @Transactional
    public boolean load(String classpathLocation) {
        byte[] content = ContentFile.read(classpathLocation, "Question bank").bytes();
        BankDocument document;
        try {
            document = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(content, BankDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException("Question bank " + classpathLocation + " is not valid JSON for a bank: " + e.getMessage(), e);
        }
        List<String> problems = BankValidator.problems(document);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Question bank " + classpathLocation + " is invalid:\n  " + String.join("\n  ", problems));
        }
        boolean loaded = bank.store(document, ContentFile.sha256(content));
        LOG.infof("Question bank %s (%d questions, %d quizzes): %s", classpathLocation, document.questions().size(),
                document.quizzes().size(), loaded ? "loaded" : "unchanged");
        return loaded;
    }
}
