package com.upward.gateway.rest;

import java.net.URI;

/** The few HTML pages of the LTI flow: a browser, often inside an LMS's frame, reads them, not a program. */
final class LtiPages {

    /** Framed by the LMS by design, and its links lead to the platform: no script, no form posts. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *; base-uri 'none'";

    /** The deep-linking pages post forms: to us (the pick) and to the LMS (the response). */
    static final String CSP_FORMS = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *; base-uri 'none'; form-action *";

    private LtiPages() {
    }

    static String framedLogin(URI continueHere, URI newWindow) {
        return page("Open Upward", "<h1>Open Upward</h1>"
                + "<p>Your browser may block the cookie Upward needs inside this page. If continuing here fails, "
                + "open Upward in a new window.</p>"
                + "<p><a id=\"continue\" href=\"" + escape(continueHere.toString()) + "\">Continue here</a></p>"
                + "<p><a id=\"new-window\" href=\"" + escape(newWindow.toString()) + "\" target=\"_blank\" rel=\"opener\">"
                + "Open in a new window</a></p>");
    }

    static String deepLinkingPick(String context, String courseId) {
        return page("Choose content", "<h1>Add Upward to your course</h1>"
                + "<form method=\"post\" action=\"/lti/deep-linking\">"
                + "<input type=\"hidden\" name=\"context\" value=\"" + escape(context) + "\">"
                + "<input type=\"hidden\" name=\"courseId\" value=\"" + escape(courseId) + "\">"
                + "<fieldset><legend>What should the link open in course " + escape(courseId) + "?</legend>"
                + "<p><label><input type=\"radio\" name=\"kind\" value=\"COURSE\" checked> The whole course</label></p>"
                + "<p><label><input type=\"radio\" name=\"kind\" value=\"LESSON\"> A lesson</label></p>"
                + "<p><label><input type=\"radio\" name=\"kind\" value=\"QUIZ\"> A quiz (graded in your LMS)</label></p>"
                + "<p><label for=\"targetId\">Lesson or quiz id</label> <input id=\"targetId\" name=\"targetId\"></p>"
                + "</fieldset><p><button type=\"submit\">Add the link</button></p></form>");
    }

    static String returnToPlatform(String returnUrl, String jwt) {
        return page("Return to your LMS", "<h1>The link is ready</h1>"
                + "<form id=\"return\" method=\"post\" action=\"" + escape(returnUrl) + "\">"
                + "<input type=\"hidden\" name=\"JWT\" value=\"" + escape(jwt) + "\">"
                + "<button type=\"submit\">Return to your LMS</button></form>");
    }

    static String refused(String detail) {
        return page("Launch refused", "<h1>The launch was refused</h1><p id=\"reason\">" + escape(detail) + "</p>"
                + "<p>Nothing was created. Launch Upward from your LMS again; if it keeps failing, give this message to "
                + "your LMS administrator.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " · Upward</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body><main>"
                + body + "</main></body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
