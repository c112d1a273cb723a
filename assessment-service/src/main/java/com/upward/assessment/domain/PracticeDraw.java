package com.upward.assessment.domain;

import com.upward.assessment.bank.BankDocument.Question;
import com.upward.assessment.bank.BankDocument.QuestionType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Which questions a practice set shows: {@code size} questions testing the type, first those not in the learner's
 * recent sets (at random), then, if the type has too few, the ones shown longest ago. The recent list remembers the
 * last {@code memory} questions shown, so a question returns only after the others had their turn.
 */
public final class PracticeDraw {

    public record Drawn(AttemptLayout layout, List<String> recent) {
    }

    public static Drawn draw(List<Question> ofType, List<String> recent, int size, int memory, Random random) {
        List<String> fresh = new ArrayList<>(ofType.stream().map(Question::id).filter(id -> !recent.contains(id)).toList());
        Collections.shuffle(fresh, random);
        Set<String> chosen = new LinkedHashSet<>(fresh.subList(0, Math.min(size, fresh.size())));
        Set<String> known = new LinkedHashSet<>(ofType.stream().map(Question::id).toList());
        for (String old : recent) { // oldest first
            if (chosen.size() >= size) {
                break;
            }
            if (known.contains(old)) {
                chosen.add(old);
            }
        }
        List<AttemptLayout.Slot> slots = new ArrayList<>();
        int slot = 1;
        for (String id : chosen) {
            Question q = ofType.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
            slots.add(new AttemptLayout.Slot(id, slot++, shuffled(q.options().stream().map(o -> o.id()).toList(), random),
                    q.type() == QuestionType.MATCHING ? shuffled(q.items().stream().map(i -> i.id()).toList(), random) : null));
        }
        Collections.shuffle(slots, random);
        List<String> remembered = new ArrayList<>(recent);
        remembered.removeAll(chosen);
        remembered.addAll(chosen);
        List<String> kept = remembered.subList(Math.max(0, remembered.size() - memory), remembered.size());
        return new Drawn(new AttemptLayout(slots), List.copyOf(kept));
    }

    private static List<String> shuffled(List<String> values, Random random) {
        List<String> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy;
    }

    private PracticeDraw() {
    }
}
