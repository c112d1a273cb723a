package com.upward.course.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.course.content.CourseDocument;
import com.upward.course.content.CourseValidator;
import com.upward.course.domain.CourseDraft;
import com.upward.course.domain.CourseVersion;
import com.upward.course.domain.VersionContent;
import com.upward.course.persistence.CourseDraftRepository;
import com.upward.course.persistence.CourseVersionRepository;
import com.upward.course.persistence.VersionContents;
import com.upward.course.service.DraftRecords.AuthorCourse;
import com.upward.course.service.DraftRecords.Changes;
import com.upward.course.service.DraftRecords.CourseDetails;
import com.upward.course.service.DraftRecords.CreateDraft;
import com.upward.course.service.DraftRecords.DraftLesson;
import com.upward.course.service.DraftRecords.DraftLessonItem;
import com.upward.course.service.DraftRecords.DraftLessonView;
import com.upward.course.service.DraftRecords.DraftModuleView;
import com.upward.course.service.DraftRecords.DraftStart;
import com.upward.course.service.DraftRecords.DraftState;
import com.upward.course.service.DraftRecords.DraftView;
import com.upward.course.service.DraftRecords.ModuleOrder;
import com.upward.course.service.DraftRecords.ModuleRequest;
import com.upward.course.service.DraftRecords.Order;
import com.upward.course.service.DraftRecords.Publication;
import com.upward.course.service.DraftRecords.QuizRequest;
import com.upward.course.service.DraftRecords.QuizView;
import com.upward.course.service.DraftRecords.SavedLesson;
import com.upward.course.service.DraftRecords.Validation;
import com.upward.platform.web.ContentFile;
import com.upward.platform.web.JsonText;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageRequest;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.platform.web.errors.PreconditionRequiredException;
import com.upward.platform.web.errors.RuleViolationException;
import com.upward.platform.web.errors.StaleRevisionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The author's side: one draft per course, copied from the newest published version (or empty), edited lesson by
 * lesson, validated with the same {@link CourseValidator} as the course files, and published through
 * {@link CoursePublisher} as the next immutable version. Every edit locks the draft row and bumps its revision;
 * an {@code If-Match} with an older revision is refused with 412 rather than overwriting someone else's edit.
 */
@ApplicationScoped
public class CourseDrafts {

    private static final Logger LOG = Logger.getLogger(CourseDrafts.class);

    @Inject
    CourseDraftRepository drafts;

    @Inject
    CourseVersionRepository versions;

    @Inject
    VersionContents contents;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    CoursePublisher publisher;

    // Reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuthorCourse> courses(PageRequest page) {
        List<String> ids = drafts.courseIds(page.size(), page.offset());
        long total = drafts.countCourseIds();
        List<AuthorCourse> items = ids.stream().map(courseId -> {
            Optional<CourseVersion> latest = versions.latest(courseId);
            Optional<CourseDraft> draft = drafts.of(courseId);
            String title = latest.map(version -> version.title).orElseGet(() -> draft.map(d -> d.content.title()).orElse(courseId));
            return new AuthorCourse(courseId, title, latest.map(version -> version.version).orElse(null),
                    latest.map(version -> version.publishedAt).orElse(null),
                    draft.map(d -> new DraftState(d.basedOnVersion, d.revision, d.updatedBy, d.updatedAt)).orElse(null));
        }).toList();
        return Page.of(items, page, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DraftView draft(String courseId) {
        return view(drafts.of(courseId).orElseThrow(noDraft(courseId)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DraftLessonView lesson(String courseId, String lessonId) {
        WorkingCopy copy = WorkingCopy.of(drafts.of(courseId).orElseThrow(noDraft(courseId)).content);
        String moduleId = copy.moduleOf(lessonId).orElseThrow(noLesson(courseId, lessonId));
        return lessonView(moduleId, copy.lesson(lessonId));
    }

    /** What publishing the draft now would refuse; an empty list means it would publish as {@code version}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Validation validate(String courseId) {
        CourseDraft draft = drafts.of(courseId).orElseThrow(noDraft(courseId));
        int next = nextVersion(courseId);
        List<String> problems = new ArrayList<>(CourseValidator.problems(withVersion(draft.content, next)));
        staleness(draft, next).ifPresent(problems::add);
        return new Validation(courseId, next, problems.isEmpty(), problems);
    }

    /** What publishing the draft would change for learners who start from then on: against the newest published version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Changes changes(String courseId) {
        CourseDraft draft = drafts.of(courseId).orElseThrow(noDraft(courseId));
        Optional<CourseVersion> latest = versions.latest(courseId);
        return new Changes(courseId, latest.map(version -> version.version).orElse(null), draft.revision,
                DraftComparison.changes(latest.map(this::document).orElse(null), draft.content));
    }

    // Writes

    @Transactional
    public DraftView create(String courseId, CreateDraft request, String authorId) {
        CreateDraft details = request == null ? new CreateDraft(null, null, null, null, null) : request;
        Optional<CourseVersion> latest = versions.latest(courseId);
        CourseDocument base;
        if (latest.isEmpty()) {
            if (details.title() == null || details.title().isBlank()) {
                throw new InvalidInputException("Course '" + courseId + "' has never been published: give its title to start a draft.");
            }
            base = new CourseDocument(courseId, 0, details.title(), "", "en", "", List.of(), List.of());
        } else if (details.start() == DraftStart.EMPTY) {
            CourseVersion version = latest.get();
            base = new CourseDocument(courseId, 0, version.title, version.summary, version.language, version.attribution,
                    List.of(), List.of());
        } else {
            base = document(latest.get());
        }
        CourseDocument content = new CourseDocument(courseId, 0,
                details.title() != null ? details.title() : base.title(),
                details.summary() != null ? details.summary() : base.summary(),
                details.language() != null ? details.language() : base.language(),
                details.attribution() != null ? details.attribution() : base.attribution(),
                base.modules(), base.quizzes());
        Instant now = clock.instant();
        int inserted = drafts.insert(courseId, latest.map(version -> version.version).orElse(null),
                JsonText.write(mapper, content), authorId, now);
        if (inserted == 0) {
            throw new ConflictException("Course '" + courseId + "' already has a draft: edit it, or delete it to start again.");
        }
        return view(drafts.of(courseId).orElseThrow());
    }

    @Transactional
    public void delete(String courseId, String ifMatch) {
        CourseDraft draft = locked(courseId, ifMatch);
        drafts.delete(draft);
    }

    @Transactional
    public DraftView details(String courseId, CourseDetails details, String ifMatch, String authorId) {
        return view(edit(courseId, ifMatch, authorId, copy -> copy.details(details.title(), details.summary(),
                details.language(), details.attribution())));
    }

    @Transactional
    public DraftView addModule(String courseId, ModuleRequest module, String ifMatch, String authorId) {
        return view(edit(courseId, ifMatch, authorId, copy -> {
            if (copy.moduleTitles.containsKey(module.id())) {
                throw new ConflictException("The draft already has a module '" + module.id() + "'.");
            }
            copy.moduleTitles.put(module.id(), module.title());
            copy.lessons.put(module.id(), new ArrayList<>());
        }));
    }

    @Transactional
    public DraftView renameModule(String courseId, String moduleId, String title, String ifMatch, String authorId) {
        return view(edit(courseId, ifMatch, authorId, copy -> {
            if (!copy.moduleTitles.containsKey(moduleId)) {
                throw new NotFoundException("The draft of '" + courseId + "' has no module '" + moduleId + "'.");
            }
            copy.moduleTitles.put(moduleId, title);
        }));
    }

    @Transactional
    public DraftLessonView addLesson(String courseId, DraftLesson lesson, String ifMatch, String authorId) {
        if (lesson.id() == null) {
            throw new InvalidInputException("Give the new lesson an id (1-80 lowercase letters, digits or dashes).");
        }
        CourseDocument.Lesson added = toDocument(lesson.id(), lesson);
        edit(courseId, ifMatch, authorId, copy -> {
            if (copy.moduleOf(lesson.id()).isPresent()) {
                throw new ConflictException("The draft already has a lesson '" + lesson.id() + "'.");
            }
            copy.requireModule(lesson.moduleId());
            copy.lessons.get(lesson.moduleId()).add(added);
        });
        return lessonView(lesson.moduleId(), added);
    }

    /** Replaces a lesson's content; a new moduleId moves it to the end of that module. */
    @Transactional
    public SavedLesson updateLesson(String courseId, String lessonId, DraftLesson lesson, String ifMatch, String authorId) {
        if (lesson.id() != null && !lesson.id().equals(lessonId)) {
            throw new InvalidInputException("The body is lesson '" + lesson.id() + "' but the path names '" + lessonId
                    + "'; a lesson's id cannot change (delete it and add a new one).");
        }
        CourseDocument.Lesson updated = toDocument(lessonId, lesson);
        CourseDraft draft = edit(courseId, ifMatch, authorId, copy -> {
            String moduleId = copy.moduleOf(lessonId).orElseThrow(noLesson(courseId, lessonId));
            copy.requireModule(lesson.moduleId());
            List<CourseDocument.Lesson> lessons = copy.lessons.get(moduleId);
            if (moduleId.equals(lesson.moduleId())) {
                lessons.set(indexOf(lessons, lessonId), updated);
            } else {
                lessons.remove(indexOf(lessons, lessonId));
                copy.lessons.get(lesson.moduleId()).add(updated);
            }
        });
        return new SavedLesson(lessonView(lesson.moduleId(), updated), draft.revision);
    }

    /** Deleting a lesson that a quiz waits for leaves a broken rule: validation names it, publishing refuses it. */
    @Transactional
    public void deleteLesson(String courseId, String lessonId, String ifMatch, String authorId) {
        edit(courseId, ifMatch, authorId, copy -> {
            String moduleId = copy.moduleOf(lessonId).orElseThrow(noLesson(courseId, lessonId));
            List<CourseDocument.Lesson> lessons = copy.lessons.get(moduleId);
            lessons.remove(indexOf(lessons, lessonId));
        });
    }

    /** Puts modules and lessons in the given order; lessons may move between modules. Nothing may be added or lost. */
    @Transactional
    public DraftView reorder(String courseId, Order order, String ifMatch, String authorId) {
        return view(edit(courseId, ifMatch, authorId, copy -> {
            List<String> problems = new ArrayList<>();
            Set<String> seenModules = new HashSet<>();
            Set<String> seenLessons = new HashSet<>();
            for (ModuleOrder module : order.modules()) {
                if (!copy.moduleTitles.containsKey(module.id())) {
                    problems.add("the draft has no module '" + module.id() + "'");
                } else if (!seenModules.add(module.id())) {
                    problems.add("module '" + module.id() + "' is listed twice");
                }
                for (String lessonId : module.lessons()) {
                    if (copy.moduleOf(lessonId).isEmpty()) {
                        problems.add("the draft has no lesson '" + lessonId + "'");
                    } else if (!seenLessons.add(lessonId)) {
                        problems.add("lesson '" + lessonId + "' is listed twice");
                    }
                }
            }
            copy.moduleTitles.keySet().stream().filter(id -> !seenModules.contains(id))
                    .forEach(id -> problems.add("module '" + id + "' is missing"));
            copy.lessons.values().stream().flatMap(List::stream).map(CourseDocument.Lesson::id)
                    .filter(id -> !seenLessons.contains(id)).forEach(id -> problems.add("lesson '" + id + "' is missing"));
            if (!problems.isEmpty()) {
                throw new RuleViolationException("Order does not match the draft",
                        "List every module and every lesson of the draft exactly once: " + String.join("; ", problems) + ".");
            }
            Map<String, CourseDocument.Lesson> byId = new LinkedHashMap<>();
            copy.lessons.values().stream().flatMap(List::stream).forEach(lesson -> byId.put(lesson.id(), lesson));
            Map<String, String> titles = new LinkedHashMap<>(copy.moduleTitles);
            copy.moduleTitles.clear();
            copy.lessons.clear();
            for (ModuleOrder module : order.modules()) {
                copy.moduleTitles.put(module.id(), titles.get(module.id()));
                copy.lessons.put(module.id(), new ArrayList<>(module.lessons().stream().map(byId::get).toList()));
            }
        }));
    }

    /** Creates or replaces a quiz placement; answers whether it was created. */
    @Transactional
    public boolean putQuiz(String courseId, String quizId, QuizRequest quiz, String ifMatch, String authorId) {
        CourseDocument.Quiz placement = new CourseDocument.Quiz(quizId, quiz.title(), quiz.moduleId(), quiz.passPercent(),
                quiz.required(), List.copyOf(quiz.unlockedBy()));
        boolean[] created = {false};
        edit(courseId, ifMatch, authorId, copy -> {
            copy.requireModule(quiz.moduleId());
            List<String> unknown = quiz.unlockedBy().stream().filter(id -> copy.moduleOf(id).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                throw new RuleViolationException("Broken sequencing rule",
                        "unlockedBy names lessons the draft does not have: " + String.join(", ", unknown) + ".");
            }
            created[0] = copy.putQuiz(placement);
        });
        return created[0];
    }

    @Transactional
    public void deleteQuiz(String courseId, String quizId, String ifMatch, String authorId) {
        edit(courseId, ifMatch, authorId, copy -> {
            if (!copy.quizzes.removeIf(quiz -> quiz.id().equals(quizId))) {
                throw new NotFoundException("The draft of '" + courseId + "' has no quiz '" + quizId + "'.");
            }
        });
    }

    /**
     * Publishes the draft as the next version, with its upward.course.published event, and deletes the draft,
     * all in one transaction. Refused (and nothing written) when invalid or when a newer version was published
     * after the draft was copied.
     */
    @Transactional
    public Publication publish(String courseId, String ifMatch, String authorId) {
        CourseDraft draft = locked(courseId, ifMatch);
        int next = nextVersion(courseId);
        Optional<String> stale = staleness(draft, next);
        if (stale.isPresent()) {
            throw new ConflictException(stale.get() + " Delete the draft and start a new one from the newest version.");
        }
        CourseDocument document = withVersion(draft.content, next);
        List<String> problems = CourseValidator.problems(document);
        if (!problems.isEmpty()) {
            throw new RuleViolationException("The draft is not valid", String.join("; ", problems) + ".");
        }
        publisher.publish(document, ContentFile.sha256(JsonText.write(mapper, document).getBytes(StandardCharsets.UTF_8)));
        LOG.infof("Course %s version %d published from the draft of %s by %s", courseId, next, draft.createdBy, authorId);
        drafts.delete(draft);
        CourseVersion published = versions.version(courseId, next).orElseThrow();
        int lessons = document.modules().stream().mapToInt(module -> module.lessons().size()).sum();
        return new Publication(courseId, next, published.publishedAt, lessons,
                document.quizzes() == null ? 0 : document.quizzes().size());
    }

    // Helpers

    /**
     * Every edit's one shape: lock the draft at the revision the author read (428/412 otherwise), change a working
     * copy of its content, and save that as the next revision. A refusal thrown by {@code change} leaves the draft
     * as it was (the transaction rolls back). Answers the saved draft.
     */
    private CourseDraft edit(String courseId, String ifMatch, String authorId, Consumer<WorkingCopy> change) {
        CourseDraft draft = locked(courseId, ifMatch);
        WorkingCopy copy = WorkingCopy.of(draft.content);
        change.accept(copy);
        save(draft, copy.toDocument(), authorId);
        return draft;
    }

    private CourseDraft locked(String courseId, String ifMatch) {
        CourseDraft draft = drafts.forUpdate(courseId).orElseThrow(noDraft(courseId));
        // Two authors editing one draft must not overwrite each other unseen: every write names its revision.
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("Send If-Match with the draft's ETag (its revision, now \""
                    + draft.revision + "\") so that an edit made from an older read is refused instead of lost.");
        }
        if (!matches(ifMatch, draft.revision)) {
            throw new StaleRevisionException("The draft of '" + courseId + "' is at revision "
                    + draft.revision + ", not the one you edited (If-Match " + ifMatch.strip()
                    + "). Reload it and apply your change again.");
        }
        return draft;
    }

    /** If-Match holds one or more entity tags, or *; the draft's tag is its revision. */
    private static boolean matches(String ifMatch, int revision) {
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.equals("*") || value.replaceFirst("^W/", "").equals("\"" + revision + "\"")) {
                return true;
            }
        }
        return false;
    }

    private void save(CourseDraft draft, CourseDocument content, String authorId) {
        draft.content = content;
        draft.revision++;
        draft.updatedBy = authorId;
        draft.updatedAt = clock.instant();
    }

    private int nextVersion(String courseId) {
        return versions.latest(courseId).map(version -> version.version + 1).orElse(1);
    }

    private static Optional<String> staleness(CourseDraft draft, int next) {
        int newest = next - 1;
        int base = draft.basedOnVersion == null ? 0 : draft.basedOnVersion;
        if (newest > base) {
            return Optional.of("Version " + newest + " of '" + draft.courseId + "' was published after this draft was "
                    + (base == 0 ? "started" : "copied from version " + base) + ".");
        }
        return Optional.empty();
    }

    private static CourseDocument withVersion(CourseDocument content, int version) {
        return new CourseDocument(content.courseId(), version, content.title(), content.summary(), content.language(),
                content.attribution(), content.modules(), content.quizzes());
    }

    /** A published version, back in the shape of its content file. */
    private CourseDocument document(CourseVersion version) {
        VersionContent content = contents.of(version);
        List<CourseDocument.Module> modules = content.modules().stream()
                .map(module -> new CourseDocument.Module(module.moduleId, module.title, content.lessonsOf(module).stream()
                        .map(lesson -> {
                            List<JsonNode> blocks = new ArrayList<>();
                            lesson.blocks.forEach(blocks::add);
                            return new CourseDocument.Lesson(lesson.lessonId, lesson.title, lesson.estimatedMinutes,
                                    lesson.required, List.copyOf(lesson.objectives), blocks);
                        })
                        .toList()))
                .toList();
        List<CourseDocument.Quiz> quizzes = content.quizzes().stream()
                .map(quiz -> new CourseDocument.Quiz(quiz.quizId, quiz.title, quiz.moduleId, quiz.passPercent,
                        quiz.required, List.copyOf(quiz.unlockedBy)))
                .toList();
        return new CourseDocument(version.courseId, 0, version.title, version.summary, version.language,
                version.attribution, modules, quizzes);
    }

    private CourseDocument.Lesson toDocument(String lessonId, DraftLesson lesson) {
        List<JsonNode> blocks = lesson.blocks();
        return new CourseDocument.Lesson(lessonId, lesson.title(), lesson.estimatedMinutes(), lesson.required(),
                List.copyOf(lesson.objectives()), blocks);
    }

    private DraftLessonView lessonView(String moduleId, CourseDocument.Lesson lesson) {
        return new DraftLessonView(lesson.id(), moduleId, lesson.title(), lesson.estimatedMinutes(), lesson.required(),
                lesson.objectives(), mapper.valueToTree(lesson.blocks()));
    }

    private static DraftView view(CourseDraft draft) {
        CourseDocument content = draft.content;
        List<DraftModuleView> modules = content.modules().stream()
                .map(module -> new DraftModuleView(module.id(), module.title(), module.lessons().stream()
                        .map(lesson -> new DraftLessonItem(lesson.id(), lesson.title(), lesson.estimatedMinutes(),
                                lesson.required(), size(lesson.objectives()), size(lesson.blocks())))
                        .toList()))
                .toList();
        List<QuizView> quizzes = (content.quizzes() == null ? List.<CourseDocument.Quiz>of() : content.quizzes()).stream()
                .map(quiz -> new QuizView(quiz.id(), quiz.title(), quiz.moduleId(), quiz.passPercent(), quiz.required(),
                        quiz.unlockedBy()))
                .toList();
        return new DraftView(draft.courseId, draft.basedOnVersion, draft.revision, content.title(), content.summary(),
                content.attribution(), content.language(), modules, quizzes, draft.createdBy, draft.createdAt,
                draft.updatedBy, draft.updatedAt);
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static int indexOf(List<CourseDocument.Lesson> lessons, String lessonId) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).id().equals(lessonId)) {
                return i;
            }
        }
        throw new IllegalStateException("lesson " + lessonId + " vanished from its module");
    }

    private static Supplier<NotFoundException> noDraft(String courseId) {
        return () -> new NotFoundException("Course '" + courseId + "' has no draft. Create one first.");
    }

    private static Supplier<NotFoundException> noLesson(String courseId, String lessonId) {
        return () -> new NotFoundException("The draft of '" + courseId + "' has no lesson '" + lessonId + "'.");
    }
}
