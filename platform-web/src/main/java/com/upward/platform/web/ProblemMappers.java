package com.upward.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.upward.platform.web.errors.AccessDeniedException;
import com.upward.platform.web.errors.ConflictException;
import com.upward.platform.web.errors.DomainException;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.platform.web.errors.PreconditionRequiredException;
import com.upward.platform.web.errors.RuleViolationException;
import com.upward.platform.web.errors.StaleRevisionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The one place where every service turns exceptions into problem+json answers. Messages are written for
 * the person calling the API; internals (stack traces, class names) are only logged.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** What a 503 tells the caller to wait before trying again while the database is out of reach. */
    @ConfigProperty(name = "upward.web.unavailable-retry-after", defaultValue = "5s")
    Duration unavailableRetryAfter = Duration.ofSeconds(5);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.toProblem().withInstance(uri.getPath()).toResponse();
    }

    /** Each kind of domain refusal has one status, here and nowhere else. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        int status = e instanceof NotFoundException ? 404
                : e instanceof InvalidInputException ? 400
                : e instanceof ConflictException ? 409
                : e instanceof RuleViolationException ? 422
                : e instanceof StaleRevisionException ? 412
                : e instanceof PreconditionRequiredException ? 428
                : e instanceof AccessDeniedException ? 403
                : 500;
        if (status == 500) {
            return internal(e, uri);
        }
        Problem problem = Problem.of(status, e.title(), e.getMessage()).withInstance(uri.getPath());
        return (e.errors().isEmpty() ? problem : problem.withErrors(e.errors())).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof UnrecognizedPropertyException unknown ? unrecognizedField(unknown, uri)
                    : json instanceof InvalidFormatException format ? invalidFormat(format, uri)
                    : json instanceof MismatchedInputException mismatch ? mismatchedInput(mismatch, uri)
                    : malformedJson(json, uri);
        }
        if (status >= 500) {
            return internal(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request refused" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at " + uri.getPath() + ".";
            case 405 -> "This method is not allowed on " + uri.getPath() + ".";
            case 406 -> "This resource answers in JSON; ask for application/json.";
            case 415 -> "Send the body as application/json.";
            default -> title + ".";
        };
        return Problem.of(status, title, detail).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        return badBody(uri, "Unknown field '" + e.getPropertyName() + "'. Allowed fields: "
                + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ".");
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        if (e.getValue() instanceof String text && text.indexOf('\0') >= 0) {
            return badBody(uri, "Field '" + fieldPath(e) + "' holds a NUL character, which text may not contain.");
        }
        return badBody(uri, "Field '" + fieldPath(e) + "' has a value of the wrong type.");
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = fieldPath(e);
        return badBody(uri, field.isEmpty()
                ? "The body does not have the expected shape."
                : "Field '" + field + "' does not have the expected shape.");
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return badBody(uri, "The body is not valid JSON.");
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> StreamSupport
                .stream(v.getPropertyPath().spliterator(), false)
                .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE));
        if (returnValue) {
            return internal(e, uri);
        }
        return Problem.of(400, "Invalid request", "Some fields are invalid; see errors.")
                .withInstance(uri.getPath()).withErrors(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return SecurityProblems.unauthorized(uri.getPath());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return SecurityProblems.unauthorized(uri.getPath());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return SecurityProblems.forbidden(uri.getPath());
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(Problem.of(503, "Service unavailable",
                                    "The service cannot reach its database just now. Try again in a few seconds.")
                            .withInstance(uri.getPath()).toResponse())
                    .header("Retry-After", Math.max(1, unavailableRetryAfter.toSeconds())).build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return Problem.of(500, "Internal error",
                        "Something went wrong on our side. Quote error id " + errorId + " when reporting it.")
                .withInstance(uri.getPath()).toResponse();
    }

    private static Response badBody(UriInfo uri, String detail) {
        return Problem.of(400, "Malformed request body", detail).withInstance(uri.getPath()).toResponse();
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "submit.request.answers[0].questionId" → "answers[0].questionId": the name the caller wrote. */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        String parameter = "";
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getIndex() != null) {
                        name.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        name.append(name.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return name.isEmpty() ? parameter : name.toString();
    }
}
