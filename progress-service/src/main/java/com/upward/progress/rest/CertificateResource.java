package com.upward.progress.rest;

import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import com.upward.progress.service.Certificates;
import com.upward.progress.service.Certificates.OwnCertificate;
import com.upward.progress.service.Certificates.Verification;
import com.upward.progress.service.LearnerProfiles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Certificates: verification is public (anyone holding the unguessable id); the list is the learner's own. */
@Path("/api/v1")
public class CertificateResource {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    Certificates certificates;

    @Inject
    LearnerProfiles profiles;

    @Inject
    CurrentUser user;

    @GET
    @Path("/certificates/{certificateId}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Verification verify(@PathParam("certificateId") @Pattern(regexp = Ids.CERTIFICATE, message = Ids.CERTIFICATE_MESSAGE)
                               String certificateId) {
        return certificates.verify(certificateId);
    }

    /** The same certificate as a printable page, for a browser asking for HTML. */
    @GET
    @Path("/certificates/{certificateId}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String page(@PathParam("certificateId") @Pattern(regexp = Ids.CERTIFICATE, message = Ids.CERTIFICATE_MESSAGE)
                       String certificateId) {
        return html(certificates.verify(certificateId));
    }

    @GET
    @Path("/certificates/{certificateId}/print")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String print(@PathParam("certificateId") @Pattern(regexp = Ids.CERTIFICATE, message = Ids.CERTIFICATE_MESSAGE)
                        String certificateId) {
        return page(certificateId);
    }

    /** The print button's handler: a script of our own origin, so the page needs no inline script under the CSP. */
    @GET
    @Path("/certificates/print.js")
    @PermitAll
    @Produces("text/javascript")
    public String printScript() {
        return "document.querySelector('[data-print]').addEventListener('click', () => window.print());\n";
    }

    @GET
    @Path("/me/certificates")
    @RolesAllowed(Roles.LEARNER)
    @Produces(MediaType.APPLICATION_JSON)
    public List<OwnCertificate> mine() {
        profiles.remember(user.id(), user.orgId(), user.displayName());
        return certificates.mine(user.id());
    }

    static String html(Verification certificate) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Certificate of completion: %1$s</title>
                <style>
                  @page { size: A4 landscape; margin: 12mm; }
                  body { font-family: Georgia, 'Times New Roman', serif; color: #1d2433; background: #f4f1ea; margin: 0; }
                  main { max-width: 960px; margin: 2rem auto; background: #fff; border: 10px double #6b4f1d;
                         padding: 3rem 4rem; text-align: center; }
                  h1 { font-size: 2.4rem; letter-spacing: .08em; text-transform: uppercase; margin: 0 0 2rem; }
                  .name { font-size: 2.2rem; font-style: italic; margin: 1rem 0; }
                  .course { font-size: 1.6rem; font-weight: bold; margin: 1rem 0 2rem; }
                  .meta { color: #555; font-size: .95rem; }
                  button { margin-top: 2rem; font-size: 1rem; padding: .5rem 1.2rem; }
                  @media print { body { background: #fff; } main { margin: 0; border-color: #000; } .no-print { display: none; } }
                </style>
                </head>
                <body>
                <main>
                  <h1>Certificate of completion</h1>
                  <p>This certifies that</p>
                  <p class="name">%2$s</p>
                  <p>completed the course</p>
                  <p class="course">%1$s</p>
                  <p>on <time datetime="%3$s">%4$s</time></p>
                  <p class="meta">Certificate %5$s &middot; verify at /api/v1/certificates/%5$s</p>
                  <button class="no-print" type="button" data-print>Print</button>
                </main>
                <script src="/api/v1/certificates/print.js" defer></script>
                </body>
                </html>
                """.formatted(escape(certificate.courseTitle()), escape(certificate.learnerName()),
                certificate.completedAt().toString(), DATE.format(certificate.completedAt()),
                escape(certificate.certificateId()));
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
