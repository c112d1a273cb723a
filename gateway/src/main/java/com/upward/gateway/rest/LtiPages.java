package com.upward.gateway.rest;

import java.net.URI;

/** The few HTML pages of the LTI flow: a browser, often inside an LMS's frame, reads them, not a program. */
final class LtiPages {

    /** Framed by the LMS by design, and its links lead to the platform: no script, no form posts. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *; base-uri 'none'";

    /**
     * The platform-storage pages run our one script (/lti/platform-storage.js) and post only to us; they talk to the
     * LMS's frame by postMessage, which no CSP directive governs.
     */
    static final String CSP_SCRIPT = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; frame-ancestors *; "
            + "base-uri 'none'; form-action 'self'";

    /** The deep-linking pages post forms: to us (the pick) and to the LMS (the response). */
    static final String CSP_FORMS = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *; base-uri 'none'; form-action *";

    private LtiPages() {
    }

    static String framedLogin(URI continueHere, URI newWindow) {
        return page("Open Upward", "<h1>Open Upward</h1>"
                + "<p>Upward runs in a window of its own. Continue here to check your launch first; if your browser "
                + "blocks the cookie Upward needs inside this page, that fails: open Upward in a new window instead.</p>"
                + "<p><a id=\"continue\" href=\"" + escape(continueHere.toString()) + "\">Continue here</a></p>"
                + "<p><a id=\"new-window\" href=\"" + escape(newWindow.toString()) + "\" target=\"_blank\" rel=\"opener\">"
                + "Open in a new window</a></p>");
    }

    /**
     * Login with the platform's storage on offer: the script stores key → value in the platform's frame (lti.put_data)
     * and then goes on to the auth URL; without an answer it goes on anyway (the cookie may do), and the links stay.
     */
    static String storeInPlatform(URI authUrl, URI newWindow, String target, String platformOrigin, String key, String value) {
        return page("Open Upward", "<h1>Opening Upward</h1>"
                + "<div id=\"lti-storage\" data-action=\"put\" data-target=\"" + escape(target) + "\" data-origin=\""
                + escape(platformOrigin) + "\" data-key=\"" + escape(key) + "\" data-value=\"" + escape(value)
                + "\" data-next=\"" + escape(authUrl.toString()) + "\"></div>"
                + "<p id=\"storage-state\" role=\"status\">Asking your LMS to keep this launch's state…</p>"
                + "<p><a id=\"continue\" href=\"" + escape(authUrl.toString()) + "\">Continue</a></p>"
                + "<p><a id=\"new-window\" href=\"" + escape(newWindow.toString()) + "\" target=\"_blank\" rel=\"opener\">"
                + "Open in a new window</a></p>", true);
    }

    /**
     * Launch without the state cookie, after a login that stored the nonce in the platform: the script reads it back
     * (lti.get_data, answers taken from the platform's origin only) and posts the launch again with it, to us.
     */
    static String readFromPlatform(String target, String platformOrigin, String key, String idToken, String state) {
        return page("Checking your launch", "<h1>Checking your launch</h1>"
                + "<div id=\"lti-storage\" data-action=\"get\" data-target=\"" + escape(target) + "\" data-origin=\""
                + escape(platformOrigin) + "\" data-key=\"" + escape(key) + "\"></div>"
                + "<p id=\"storage-state\" role=\"status\">Reading this launch's state from your LMS…</p>"
                + "<form id=\"stored-launch\" method=\"post\" action=\"/lti/launch\">"
                + "<input type=\"hidden\" name=\"id_token\" value=\"" + escape(idToken) + "\">"
                + "<input type=\"hidden\" name=\"state\" value=\"" + escape(state) + "\">"
                + "<input type=\"hidden\" name=\"lti_storage_nonce\" id=\"lti-storage-nonce\" value=\"\">"
                + "</form>", true);
    }

    /** The launch was accepted inside the LMS's frame: the portal opens in a window of its own, with the one-time code. */
    static String launchedInFrame(URI portal) {
        return page("Open Upward", "<h1>Upward is ready</h1>"
                + "<p>Upward opens in a window of its own, beside your LMS.</p>"
                + "<p><a id=\"open-upward\" href=\"" + escape(portal.toString()) + "\" target=\"_blank\">Open Upward in a new window</a></p>"
                + "<p>The link works once and for a few minutes only; after that, launch Upward from your LMS again.</p>");
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
        return page(title, body, false);
    }

    private static String page(String title, String body, boolean storageScript) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " · Upward</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body><main>"
                + body + "</main>" + (storageScript ? "<script src=\"/lti/platform-storage.js\"></script>" : "")
                + "</body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
