package com.upward.gateway.rest;

import java.net.URI;

/** The few HTML pages of the LTI flow: a browser, often inside an LMS's frame, reads them, not a program. */
final class LtiPages {

    /** Framed by the LMS by design, and its links lead to the platform: no script, no form posts. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *; base-uri 'none'";

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
