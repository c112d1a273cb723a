package com.upward.gateway.routing;

import com.upward.gateway.config.GatewayConfig;
import com.upward.platform.web.Roles;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Which service answers which API paths, the role a caller needs there (checked at the edge, and again by the
 * service), and how long it may take. Everything under /api/v1 not listed is not found.
 */
public final class ServiceRoutes {

    public static final String COURSE = "course-service";
    public static final String ASSESSMENT = "assessment-service";
    public static final String PROGRESS = "progress-service";

    /**
     * A routed path prefix, the service that answers it, that service's instances (shared by its routes), the time
     * limit, and the roles of which a caller needs one (none: anyone, with or without a token, as for a certificate
     * check).
     */
    public record Route(String pathRegex, String service, ServiceInstances instances, Duration timeout, Set<String> roles) {

        /** A route for one role, or for anyone when the role is null. */
        public Route(String pathRegex, String service, ServiceInstances instances, Duration timeout, String role) {
            this(pathRegex, service, instances, timeout, role == null ? Set.of() : Set.of(role));
        }

        /** True when the caller's roles satisfy the route. */
        public boolean admits(Set<String> callerRoles) {
            return roles.isEmpty() || (callerRoles != null && roles.stream().anyMatch(callerRoles::contains));
        }

        /** The metrics tag of a routed path that no service document has: the route's prefix, {@code /api/v1/quizzes/**}. */
        public String undocumentedTemplate() {
            return pathRegex.replace("(/.*)?", "/**");
        }
    }

    public static List<Route> of(GatewayConfig config) {
        // One set of instances per service, so every route of a service sees the same health of each instance.
        Duration unhealthyFor = config.services().unhealthyFor();
        ServiceInstances course = new ServiceInstances(COURSE, config.services().course(), unhealthyFor);
        ServiceInstances assessment = new ServiceInstances(ASSESSMENT, config.services().assessment(), unhealthyFor);
        ServiceInstances progress = new ServiceInstances(PROGRESS, config.services().progress(), unhealthyFor);
        Duration learner = config.routing().timeout();
        Duration admin = config.routing().adminTimeout();
        return List.of(
                new Route("/api/v1/courses(/.*)?", COURSE, course, learner, Roles.LEARNER),
                // Authoring is the author's; reports, enrolments and question statistics are the org admin's.
                // The cmi5 package is for an org admin (to load into their LMS) as much as for the author.
                new Route("/api/v1/admin/courses/[^/]+/cmi5", COURSE, course, admin, Set.of(Roles.ADMIN, Roles.AUTHOR)),
                new Route("/api/v1/admin/courses(/.*)?", COURSE, course, admin, Roles.AUTHOR),
                new Route("/api/v1/quizzes(/.*)?", ASSESSMENT, assessment, learner, Roles.LEARNER),
                new Route("/api/v1/attempts(/.*)?", ASSESSMENT, assessment, learner, Roles.LEARNER),
                new Route("/api/v1/me/power-profile(/.*)?", ASSESSMENT, assessment, learner, Roles.LEARNER),
                // Spaced practice and the conversation planner; practice-history is progress' view of the practice done.
                new Route("/api/v1/me/practice(/.*)?", ASSESSMENT, assessment, learner, Roles.LEARNER),
                new Route("/api/v1/me/conversation-plans(/.*)?", ASSESSMENT, assessment, learner, Roles.LEARNER),
                new Route("/api/v1/admin/practice-report(/.*)?", ASSESSMENT, assessment, admin, Roles.ADMIN),
                // Before progress' /api/v1/integration: the first route that matches answers.
                new Route("/api/v1/integration/practice-due(/.*)?", ASSESSMENT, assessment, learner, Roles.INTEGRATION),
                new Route("/api/v1/admin/question-statistics(/.*)?", ASSESSMENT, assessment, admin, Roles.ADMIN),
                // The question bank as a QTI 3.0 package, out and back into a draft: authoring, like the course's content.
                new Route("/api/v1/admin/question-bank(/.*)?", ASSESSMENT, assessment, admin, Roles.AUTHOR),
                new Route("/api/v1/me/progress(/.*)?", PROGRESS, progress, learner, Roles.LEARNER),
                new Route("/api/v1/me/certificates(/.*)?", PROGRESS, progress, learner, Roles.LEARNER),
                new Route("/api/v1/me/enrolments(/.*)?", PROGRESS, progress, learner, Roles.LEARNER),
                new Route("/api/v1/me/practice-history(/.*)?", PROGRESS, progress, learner, Roles.LEARNER),
                new Route("/api/v1/certificates(/.*)?", PROGRESS, progress, learner, Set.of()),
                new Route("/api/v1/admin/reports(/.*)?", PROGRESS, progress, admin, Roles.ADMIN),
                new Route("/api/v1/admin/enrolments(/.*)?", PROGRESS, progress, admin, Roles.ADMIN),
                new Route("/api/v1/admin/webhooks(/.*)?", PROGRESS, progress, admin, Roles.ADMIN),
                // LTI platform registrations: progress-service holds them with the nonces and the grade outbox.
                new Route("/api/v1/admin/lti/platforms(/.*)?", PROGRESS, progress, admin, Roles.ADMIN),
                // cmi5 AU launches: the learner's browser, sent by an LMS; no Upward token (the LMS's fetch URL vouches).
                new Route("/api/v1/cmi5(/.*)?", PROGRESS, progress, learner, Set.of()),
                // An LMS's server-to-server calls (role integration): completions pulled from an index, and bulk
                // enrolments of up to 1,000 rows, hence the admin routes' longer time limit.
                new Route("/api/v1/integration(/.*)?", PROGRESS, progress, admin, Roles.INTEGRATION));
    }

    private ServiceRoutes() {
    }
}
