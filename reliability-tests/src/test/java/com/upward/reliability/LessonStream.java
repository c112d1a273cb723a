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
    /** Refused answers that were sent again (viaGateway), by status. */
    final Map<Integer, AtomicInteger> retriedStatuses = new ConcurrentHashMap<>();
    private final Duration pace;
    private String baseUrl;
    private int retries;
    private Duration retryPause = Duration.ZERO;
    private java.util.function.BiConsumer<String, String> afterEach = (learner, token) -> { };
    private ExecutorService pool;
    private List<Future<?>> running;

    LessonStream(String prefix, int learnerCount, Duration pace) {
        this.prefix = prefix;
        this.learners = IntStream.rangeClosed(1, learnerCount).mapToObj(i -> prefix + "-" + i).toList();
        this.pace = pace;
    }

    /**
     * Sends the completions through the gateway, and sends a refused one again up to {@code retries} times, as a
     * client does after a 502 or 503: completing a lesson again writes nothing new, so a retry is safe even when the
     * refused request had reached the service.
     */
    LessonStream viaGateway(int retries, Duration retryPause) {
        this.baseUrl = FaultStack.stack().gatewayUrl();
        this.retries = retries;
        this.retryPause = retryPause;
        return this;
    }

    /** Something each learner does after each lesson (reads through the gateway), given the learner and the token. */
    LessonStream afterEachLesson(java.util.function.BiConsumer<String, String> action) {
        this.afterEach = action;
        return this;
    }

    LessonStream start() {
        pool = Executors.newFixedThreadPool(learners.size());
        running = learners.stream().<Future<?>>map(learner -> pool.submit(() -> completeAll(learner))).toList();
        return this;
    }

    private void completeAll(String learner) {
        for (String lesson : Learners.LESSONS) {
            String token = Learners.token(learner);
            for (int attempt = 0; attempt <= retries; attempt++) {
                Learners.Answer answer = baseUrl == null
                        ? Learners.completeLesson(token, lesson)
                        : Learners.completeLesson(baseUrl, token, lesson);
                statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
                if (answer.accepted()) {
                    accepted.add(learner + "/" + lesson);
                    break;
                }
                refusals.add(answer);
                if (attempt < retries) {
                    retriedStatuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
                    pause(retryPause);
                }
            }
            afterEach.accept(learner, token);
            try {
                Thread.sleep(pace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
