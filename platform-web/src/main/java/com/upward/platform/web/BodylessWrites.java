package com.upward.platform.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A write that takes no body (marking a lesson done, starting an attempt) refuses one, rather than ignoring
 * fields the caller may believe were stored ({"score":100,"passed":true} must not look accepted).
 */
public class BodylessWrites {

    private final Map<Method, Boolean> takesBody = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnexpectedBody(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            return;
        }
        if (hasBody(request) && !takesBody.computeIfAbsent(method, BodylessWrites::hasEntityParameter)) {
            throw new com.upward.platform.web.errors.InvalidInputException(
                    request.getMethod() + " " + request.getUriInfo().getPath() + " takes no body; send the request without one.");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !length.trim().equals("0"));
    }

    /** The entity is the one parameter that no JAX-RS annotation binds to a path, query, header or context. */
    private static boolean hasEntityParameter(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean bound = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                String type = annotation.annotationType().getName();
                bound |= type.startsWith("jakarta.ws.rs.") || type.startsWith("org.jboss.resteasy.reactive.");
            }
            if (!bound) {
                return true;
            }
        }
        return false;
    }
}
