package com.upward.gateway.routing;

import com.upward.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.List;

/** Which service answers which API paths. Everything under /api/v1 that is not listed here is not found. */
public final class ServiceRoutes {

    public record Route(String pathRegex, String service, URI origin) {
    }

    public static List<Route> of(GatewayConfig config) {
        URI course = config.services().course();
        URI assessment = config.services().assessment();
        URI progress = config.services().progress();
        return List.of(
                new Route("/api/v1/courses(/.*)?", "course-service", course),
                new Route("/api/v1/admin/courses(/.*)?", "course-service", course),
                new Route("/api/v1/quizzes(/.*)?", "assessment-service", assessment),
                new Route("/api/v1/attempts(/.*)?", "assessment-service", assessment),
                new Route("/api/v1/me/power-profile(/.*)?", "assessment-service", assessment),
                new Route("/api/v1/admin/question-statistics(/.*)?", "assessment-service", assessment),
                new Route("/api/v1/me/progress(/.*)?", "progress-service", progress),
                new Route("/api/v1/me/certificates(/.*)?", "progress-service", progress),
                new Route("/api/v1/me/enrolments(/.*)?", "progress-service", progress),
                new Route("/api/v1/certificates(/.*)?", "progress-service", progress),
                new Route("/api/v1/admin/reports(/.*)?", "progress-service", progress),
                new Route("/api/v1/admin/enrolments(/.*)?", "progress-service", progress));
    }

    private ServiceRoutes() {
    }
}
