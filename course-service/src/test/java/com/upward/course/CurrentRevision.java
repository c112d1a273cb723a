package com.upward.course;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Sends the draft's current ETag as If-Match on a draft write that names none, as an editor who has just read
 * the draft would. Tests of stale or missing revisions set (or leave out) the header themselves.
 */
final class CurrentRevision implements Filter {

    private static final Pattern DRAFT_WRITE = Pattern.compile("(/api/v1/admin/courses/[^/]+/draft)(/.*)?");

    private final String token;

    /** The author's token: RestAssured adds the request's own Authorization only after the filters. */
    CurrentRevision(String token) {
        this.token = token;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Matcher draft = DRAFT_WRITE.matcher(request.getDerivedPath());
        boolean creation = "POST".equals(request.getMethod()) && draft.matches() && draft.group(2) == null;
        if (!"GET".equals(request.getMethod()) && draft.matches() && !creation && !request.getHeaders().hasHeaderWithName("If-Match")) {
            Response current = given().auth().oauth2(token).get(draft.group(1));
            if (current.statusCode() == 200) {
                request.header("If-Match", current.header("ETag"));
            }
        }
        return context.next(request, response);
    }
}
