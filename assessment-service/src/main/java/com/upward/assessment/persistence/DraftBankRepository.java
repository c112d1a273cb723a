package com.upward.assessment.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.domain.DraftBank;
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
    public Optional<DraftBank> find(String orgId, UUID id) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT course_id, created_by, created_at, CAST(questions AS text) FROM question_bank_draft
                        WHERE id = :id AND org_id = :org""")
                .setParameter("id", id).setParameter("org", orgId).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new DraftBank(id, (String) row[0], (String) row[1], instant(row[2]),
                    JsonText.read(mapper, (String) row[3], QUESTIONS, "A stored draft bank"));
        });
    }

    /** The organisation's newest drafts first, at most limit. */
    public List<DraftBank.Summary> ofOrganisation(String orgId, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT id, course_id, created_by, created_at, jsonb_array_length(questions) FROM question_bank_draft
                        WHERE org_id = :org ORDER BY created_at DESC, id LIMIT :limit""")
                .setParameter("org", orgId).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> {
            Object[] row = (Object[]) r;
            return new DraftBank.Summary((UUID) row[0], (String) row[1], (String) row[2], instant(row[3]), ((Number) row[4]).intValue());
        }).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant
                : value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
