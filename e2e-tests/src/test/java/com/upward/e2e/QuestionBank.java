package com.upward.e2e;

import io.restassured.path.json.JsonPath;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The question bank as the repository holds it: the browser tests read the keys to answer right or wrong. */
final class QuestionBank {

    private final JsonPath bank;

    QuestionBank(Path projectRoot) {
        bank = JsonPath.from(projectRoot.resolve("assessment-service/src/main/resources/question-bank/how-to-lead-upward.json").toFile());
    }

    Map<String, Object> question(String id) {
        List<Map<String, Object>> questions = bank.getList("questions");
        return questions.stream().filter(q -> id.equals(q.get("id"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No question " + id));
    }
}
