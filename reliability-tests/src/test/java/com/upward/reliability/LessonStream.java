package com.upward.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Learners completing the course's lessons in order, side by side, at a steady pace, while a test breaks
 * something. It records exactly which completions were accepted (2xx) and how every other one was answered.
 */
final class LessonStream {

    final String prefix;
    final List<String> learners;
    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final List<Learners.Answer> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Duration pace;
    private ExecutorService pool;
    private List<Future<?>> running;

    LessonStream(String prefix, int learnerCount, Duration pace) {
        this.prefix = prefix;
        this.learners = IntStream.rangeClosed(1, learnerCount).mapToObj(i -> prefix + "-" + i).toList();
        this.pace = pace;
    }

    LessonStream start() {
        pool = Executors.newFixedThreadPool(learners.size());
        running = learners.stream().<Future<?>>map(learner -> pool.submit(() -> completeAll(learner))).toList();
        return this;
    }

    private void completeAll(String learner) {
        for (String lesson : Learners.LESSONS) {
            String token = Learners.token(learner);
            Learners.Answer answer = Learners.completeLesson(token, lesson);
            statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
            if (answer.accepted()) {
                accepted.add(learner + "/" + lesson);
            } else {
                refusals.add(answer);
            }
            try {
                Thread.sleep(pace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until every learner has tried every lesson once. */
    void awaitEnd(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> learner : running) {
            learner.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        pool.shutdown();
    }

    int submitted() {
        return learners.size() * Learners.LESSONS.size();
    }

    /** How many lessons each learner had accepted, for the summary check (a doubled completion shows there). */
    Map<String, Integer> acceptedPerLearner() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        accepted.forEach(done -> counts.merge(done.substring(0, done.indexOf('/')), 1, Integer::sum));
        return counts;
    }

    /**
     * After the stream ended: every completion was accepted, and each accepted one is in progress-service's
     * read model exactly once (the set of lessons, and each learner's summary count). Prints the counts.
     */
    void assertNoneLostOrDoubled(String faultTest) {
        assertEquals(submitted(), accepted.size(), "refused: " + refusals.stream().limit(3).toList());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(
                () -> ProgressDb.lessonsDone(ProgressDb.MAIN, prefix).size() >= accepted.size());
        Set<String> inProgress = ProgressDb.lessonsDone(ProgressDb.MAIN, prefix);
        assertEquals(accepted, inProgress, "lost or unexpected completions");
        assertEquals(acceptedPerLearner(), ProgressDb.summaryLessonCounts(ProgressDb.MAIN, prefix),
                "a learner's summary counts a completion twice or misses one");
        System.out.printf("Fault test %s: %d submitted, %d accepted, %d in progress, 0 lost, 0 doubled%n",
                faultTest, submitted(), accepted.size(), inProgress.size());
    }
}
