package com.upward.gateway.routing;

import com.upward.gateway.config.GatewayConfig;
import com.upward.platform.web.Roles;

import java.time.Duration;
import java.util.List;

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
     * limit, and the role a caller needs ({@code null}: anyone, with or without a token, as for a certificate check).
     */
    public record Route(String pathRegex, String service, ServiceInstances instances, Duration timeout, String role) {
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
                new Route("/api/v1/admin/courses(/.*)?", COURSE, course, admin, Roles.AUTHOR),
                new Route("/api/v1/quizzes(/.*)?", ASSESSMENT, assessment, learner, Roles.LEARNER),
                new Route("/api/v1/attempts(/.*)?", ASSESSMENT, assessment, learner, Roles.LEARNER),
                new Route("/api/v1/me/power-profile(/.*)?", ASSESSMENT, assessment, learner, Roles.LEARNER),
                new Route("/api/v1/admin/question-statistics(/.*)?", ASSESSMENT, assessment, admin, Roles.ADMIN),
                new Route("/api/v1/me/progress(/.*)?", PROGRESS, progress, learner, Roles.LEARNER),
                new Route("/api/v1/me/certificates(/.*)?", PROGRESS, progress, learner, Roles.LEARNER),
                new Route("/api/v1/me/enrolments(/.*)?", PROGRESS, progress, learner, Roles.LEARNER),
                new Route("/api/v1/certificates(/.*)?", PROGRESS, progress, learner, null),
                new Route("/api/v1/admin/reports(/.*)?", PROGRESS, progress, admin, Roles.ADMIN),
                new Route("/api/v1/admin/enrolments(/.*)?", PROGRESS, progress, admin, Roles.ADMIN),
                // LTI platform registrations: progress-service holds them with the nonces and the grade outbox.
                new Route("/api/v1/admin/lti/platforms(/.*)?", PROGRESS, progress, admin, Roles.ADMIN),
                // An LMS's server-to-server pull (role integration): pages of completions from an index.
                new Route("/api/v1/integration(/.*)?", PROGRESS, progress, learner, Roles.INTEGRATION));
    }

    private ServiceRoutes() {
    }
}
