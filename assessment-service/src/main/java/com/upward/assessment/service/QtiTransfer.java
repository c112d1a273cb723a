package com.upward.assessment.service;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.Qti;
import com.upward.assessment.bank.QtiReader;
import com.upward.assessment.bank.QtiWriter;
import com.upward.assessment.persistence.DraftBankRepository;
import com.upward.assessment.domain.DraftBank;
import com.upward.assessment.persistence.QuestionBankRepository;
import com.upward.assessment.config.AssessmentConfig;
import com.upward.platform.web.Problem;
import com.upward.platform.web.errors.AccessDeniedException;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.platform.web.errors.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The question bank as a QTI 3.0 content package: exported whole, imported into a draft of the author's organisation. */
@ApplicationScoped
public class QtiTransfer {

    @Inject
    QuestionBankRepository bank;

    @Inject
    DraftBankRepository drafts;

    @Inject
    Clock clock;

    @Inject
    AssessmentConfig config;

    /** The course's bank as a zip; not found when the course has no questions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] export(String orgId, String courseId) {
        requireContentOrganisation(orgId);
        List<Question> questions = bank.questionsOfCourse(courseId);
        if (questions.isEmpty()) {
            throw new NotFoundException("There is no question bank for course '" + courseId + "'.");
        }
        return QtiWriter.write(courseId, questions);
    }

    /**
     * Reads the package and stores its questions as a new draft; refuses the whole package, naming every problem by
     * its file and field, when anything in it is wrong, so nothing half-read is kept.
     */
    @Transactional
    public DraftBank importDraft(String orgId, String authorId, String courseId, byte[] zip) {
        requireContentOrganisation(orgId);
        QtiReader.Imported imported;
        try {
            imported = QtiReader.read(courseId, zip);
        } catch (QtiReader.UnreadablePackage e) {
            throw new InvalidInputException("Unreadable package", e.getMessage());
        }
        if (!imported.problems().isEmpty()) {
            List<Problem.FieldError> errors = imported.problems().stream().map(QtiTransfer::fieldError).toList();
            throw new RuleViolationException("Invalid QTI package", "The package has " + errors.size()
                    + " problem(s); each names the file and the element or attribute to mend. Nothing was imported.", errors);
        }
        UUID id = UUID.randomUUID();
        drafts.add(id, orgId, courseId, authorId, clock.instant(), imported.questions());
        return drafts.find(orgId, id).orElseThrow();
    }

    /** The newest drafts of the organisation (the last 100): what an author picks from. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DraftBank.Summary> drafts(String orgId) {
        requireContentOrganisation(orgId);
        return drafts.ofOrganisation(orgId, 100);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DraftBank draft(String orgId, UUID draftId) {
        requireContentOrganisation(orgId);
        return drafts.find(orgId, draftId).orElseThrow(() -> new NotFoundException("There is no draft bank " + draftId + "."));
    }

    /** The bank is platform content with its keys: only the content organisation's authors handle it. */
    private void requireContentOrganisation(String orgId) {
        if (!config.authoringOrganisation().equals(orgId)) {
            throw new AccessDeniedException("The question bank is handled by the authors of the platform's content organisation; "
                    + "this token's organisation is not it.");
        }
    }

    /** "items/q-1.xml: qti-correct-response": the file first, so a person opens the right one. */
    private static Problem.FieldError fieldError(Qti.Problem problem) {
        return new Problem.FieldError(problem.field().isEmpty() ? problem.file() : problem.file() + ": " + problem.field(),
                problem.message());
    }
}
