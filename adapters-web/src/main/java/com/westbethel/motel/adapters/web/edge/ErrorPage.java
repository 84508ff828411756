package com.westbethel.motel.adapters.web.edge;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.HtmlUtils;

/**
 * What the website's error page says for a status, in the guest's words: a heading and a sentence on what to do next. Never
 * the exception, the container's message or the refused input. Rendered by the template {@code site/error} in the brand
 * layout, or, for what the servlet container refuses before the application runs, as {@link #standalone(String) plain HTML}.
 */
record ErrorPage(HttpStatus status, String heading, String message, String link, String linkText) {

    static final String VIEW = "site/error";

    ErrorPage(HttpStatus status, String heading, String message) {
        this(status, heading, message, "/", "Go to the home page");
    }

    /** A member of staff or an admin whose token carries no role yet: two-factor login is required of them first. */
    static ErrorPage twoFactorFirst() {
        return new ErrorPage(HttpStatus.FORBIDDEN, "Turn on two-factor login first",
                "Staff and admins use the staff console only with two-factor login turned on. Turn it on for your account, "
                        + "then log out and in again.", "/account/two-factor", "Turn on two-factor login");
    }

    /**
     * @param formExpired the request was a form whose CSRF token was missing or stale
     * @param retryAfterSeconds for a 429, how long to wait; null if unknown
     */
    static ErrorPage of(HttpStatus status, boolean formExpired, Long retryAfterSeconds) {
        if (formExpired) {
            return new ErrorPage(status, "This form has expired",
                    "For your safety a form stops working when it has been open for a long time, or after you logged in or out. "
                            + "Go back, reload the page, and send the form again.");
        }
        return switch (status) {
            case BAD_REQUEST -> new ErrorPage(status, "We could not read this request",
                    "The address or the form is incomplete or damaged. Go back to the previous page and try again.");
            case FORBIDDEN -> new ErrorPage(status, "You cannot open this page", "Your account does not give access to this page.");
            case NOT_FOUND -> new ErrorPage(status, "Page not found",
                    "There is nothing at this address. If you typed it, check it; if you followed a link, it may be out of date.");
            case METHOD_NOT_ALLOWED -> new ErrorPage(status, "This page cannot do that", "Go back to the previous page and try again.");
            case CONFLICT -> new ErrorPage(status, "This changed at the same moment",
                    "Something you were changing was changed by someone else at the same time. Reload the page and try again.");
            case TOO_MANY_REQUESTS -> new ErrorPage(status, "Too many tries", retryAfterSeconds == null
                    ? "Please wait a moment before trying again."
                    : "Please wait %d seconds before trying again.".formatted(retryAfterSeconds));
            case SERVICE_UNAVAILABLE -> new ErrorPage(status, "We are briefly unavailable", "Please try again in a few seconds.");
            default -> status.is5xxServerError()
                    ? new ErrorPage(status, "Something went wrong on our side",
                            "The error has been logged. Please try again in a moment.")
                    : new ErrorPage(status, "This request cannot be answered", "Go back to the previous page and try again.");
        };
    }

    /** The page through the brand layout ({@code templates/site/error.html}). */
    ModelAndView view() {
        return new ModelAndView(VIEW, Map.of("status", status.value(), "heading", heading, "message", message, "link", link, "linkText", linkText),
                status);
    }

    /** The page without the template engine, for the servlet container's error report: the site's stylesheet, no script. */
    String standalone(String contextPath) {
        String home = HtmlUtils.htmlEscape(contextPath + "/");
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s - West Bethel Motel</title><link rel="stylesheet" href="%2$ssite/site.css"></head>
                <body><header class="site-header"><div class="wrap header-inner"><a class="brand" href="%2$s">West Bethel Motel</a></div></header>
                <div id="content" class="wrap content"><main><h1>%1$s</h1><p class="lead">%3$s</p><p><a href="%2$s">Go to the home page</a></p></main></div>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(heading), home, HtmlUtils.htmlEscape(message));
    }
}
