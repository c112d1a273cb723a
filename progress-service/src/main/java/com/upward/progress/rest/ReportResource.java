package com.upward.progress.rest;

import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Page;
import com.upward.platform.web.PageParams;
import com.upward.platform.web.Roles;
import com.upward.platform.web.Slug;
import com.upward.platform.web.errors.InvalidInputException;
import com.upward.progress.rest.ProgressViews.Status;
import com.upward.progress.rest.ReportViews.LearnerRow;
import com.upward.progress.service.ReportQueries.Funnel;
import com.upward.progress.service.ReportQueries.Mastery;
import com.upward.progress.service.ReportQueries.Summary;
import com.upward.progress.service.ReportQueries.WeekCount;
import com.upward.progress.service.ReportQueries.ListFilter;
import com.upward.progress.service.ReportQueries.Sort;
import com.upward.progress.service.ReportQueries;
import com.upward.progress.service.XapiDeliveries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Admin reports of the admin's own organisation: the org comes from the token only, never from a parameter. */
@Path("/api/v1/admin/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ReportResource {

    /** The CSV columns, in order; the header row uses these names. */
    public static final String[] CSV_HEADER = {"learnerId", "name", "courseId", "status", "percent", "lessonsCompleted",
            "lessonsTotal", "score", "bestScore", "quizzesPassed", "enrolledAt", "dueDate", "startedAt",
            "lastActivityAt", "completedAt"};

    @Inject
    ReportQueries reports;

    @Inject
    CurrentUser user;

    @Inject
    XapiDeliveries xapiDeliveries;

    @GET
    @Path("/xapi-deliveries")
    public XapiDeliveries.Summary xapiDeliveries() {
        return xapiDeliveries.summary(user.orgId());
    }

    @GET
    @Path("/summary")
    public Summary summary(@QueryParam("courseId") @Slug String courseId) {
        return reports.summary(user.orgId(), courseId);
    }

    @GET
    @Path("/lesson-funnel")
    public Funnel funnel(@QueryParam("courseId") @NotNull @Slug
                         String courseId) {
        return reports.funnel(user.orgId(), courseId);
    }

    @GET
    @Path("/power-mastery")
    public List<Mastery> mastery(@QueryParam("courseId") @Slug String courseId) {
        return reports.mastery(user.orgId(), courseId);
    }

    @GET
    @Path("/completions-per-week")
    public List<WeekCount> completionsPerWeek(
            @QueryParam("courseId") @Slug String courseId,
            @QueryParam("weeks") @DefaultValue("12") int weeks) {
        return reports.completionsPerWeek(user.orgId(), courseId, weeks);
    }

    @GET
    @Path("/learners")
    public Page<LearnerRow> learners(@QueryParam("courseId") @Slug String courseId,
                                     @QueryParam("status") String status, @QueryParam("overdue") String overdue,
                                     @QueryParam("sort") String sort, @QueryParam("order") String order,
                                     @Valid @BeanParam PageParams paging) {
        return ReportMapper.view(reports.learners(user.orgId(), filter(courseId, status, overdue, sort, order), paging));
    }

    /** The whole filtered learner list as CSV, streamed row by row (RFC 4180 by Commons CSV, formulas neutralised). */
    @GET
    @Path("/learners.csv")
    @Produces("text/csv")
    public Response learnersCsv(@QueryParam("courseId") @Slug String courseId,
                                @QueryParam("status") String status, @QueryParam("overdue") String overdue,
                                @QueryParam("sort") String sort, @QueryParam("order") String order) {
        ListFilter filter = filter(courseId, status, overdue, sort, order);
        String orgId = user.orgId();
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(String.join(",", CSV_HEADER) + "\r\n");
            // Every text cell quoted, and a formula-like one neutralised (csvText): a spreadsheet shows it as text.
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.NON_NUMERIC).get())) {
                reports.streamLearners(orgId, filter, row -> {
                    try {
                        csv.printRecord(csvRecord(ReportMapper.view(row)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"learners-" + orgId.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv\"")
                .build();
    }

    public static List<Object> csvRecord(LearnerRow row) {
        return Arrays.asList(csvText(row.learnerId()), csvText(row.name()), csvText(row.courseId()), row.status(), row.percent(),
                row.lessonsCompleted(), row.lessonsTotal(), row.score(), row.bestScore(), row.quizzesPassed(),
                row.enrolledAt(), row.dueDate(), row.startedAt(), row.lastActivityAt(), row.completedAt());
    }

    /**
     * OWASP's CSV injection rule: a cell a spreadsheet would read as a formula (=, +, -, @, tab, carriage return
     * first) gets a leading single quote, so a learner's name can never run in an admin's spreadsheet.
     */
    public static String csvText(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static ListFilter filter(String courseId, String status, String overdue, String sort, String order) {
        Status statusFilter = status == null ? null : parse(Status.class, "status", status);
        Boolean overdueFilter = null;
        if (overdue != null) {
            if (!overdue.equals("true") && !overdue.equals("false")) {
                throw new InvalidInputException("overdue must be true or false, not '" + overdue + "'.");
            }
            overdueFilter = Boolean.valueOf(overdue);
        }
        Sort sortBy = sort == null ? Sort.NAME : parse(Sort.class, "sort", sort.replaceAll("([a-z])([A-Z])", "$1_$2"));
        boolean descending = false;
        if (order != null) {
            if (!order.equals("asc") && !order.equals("desc")) {
                throw new InvalidInputException("order must be asc or desc, not '" + order + "'.");
            }
            descending = order.equals("desc");
        }
        return new ListFilter(courseId, ProgressMapper.status(statusFilter), overdueFilter, sortBy, descending);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> type == Sort.class ? camel(c.name()) : c.name()).toList() + ", not '" + value + "'.");
        }
    }

    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
