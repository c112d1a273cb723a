package com.upward.assessment.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Draft banks imported from QTI packages, each of one organisation. */
@ApplicationScoped
public class DraftBankRepository {

    /** A stored draft with its questions. */
    public record Draft(UUID id, String courseId, String createdBy, Instant createdAt, List<Question> questions) {
    }

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(UUID id, String orgId, String courseId, String createdBy, Instant at, List<Question> questions) {
        entityManager.createNativeQuery("""
                        INSERT INTO question_bank_draft (id, org_id, course_id, created_by, created_at, questions)
                        VALUES (:id, :org, :course, :by, :at, CAST(:questions AS jsonb))""")
                .setParameter("id", id).setParameter("org", orgId).setParameter("course", courseId)
                .setParameter("by", createdBy).setParameter("at", at)
                .setParameter("questions", JsonText.write(mapper, questions)).executeUpdate();
    }

    /** The organisation's draft; empty for another organisation's, as for none. */
    public Optional<Draft> find(String orgId, UUID id) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT course_id, created_by, created_at, CAST(questions AS text) FROM question_bank_draft
                        WHERE id = :id AND org_id = :org""")
                .setParameter("id", id).setParameter("org", orgId).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new Draft(id, (String) row[0], (String) row[1], instant(row[2]),
                    JsonText.read(mapper, (String) row[3], QUESTIONS, "A stored draft bank"));
        });
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant
                : value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
