package com.westbethel.motel.adapters.web.edge;

import com.westbethel.motel.adapters.web.security.PageRequests;
import com.westbethel.motel.adapters.web.security.ProblemResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}, where the servlet container sends what a filter refused with {@code sendError} or an exception that
 * escaped the filters: problem+json like every other error of the API, in place of Boot's {@code {timestamp, status,
 * error, path}}; for a page of the website asked by a browser ({@link PageRequests}), the site's error page instead.
 * Asked for directly, {@code /error} is simply not there (404). Registered as a bean, so Boot's own error controller steps
 * aside.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? EdgeErrors.status(value) : HttpStatus.NOT_FOUND;
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            if (DatabaseUnavailable.causedBy(failure)) {
                // A filter reached for the database and found it away (the revocation check while Redis is down, say): as
                // a controller would answer it, 503 and when to try again, not a 500.
                log.warn("Database unavailable while handling {} outside Spring MVC: {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                        failure.getMessage());
                status = HttpStatus.SERVICE_UNAVAILABLE;
                response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
            } else {
                log.error("Unexpected error outside Spring MVC while handling {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
            }
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String original = path instanceof String uri ? uri : null;
        if (PageRequests.wantsPage(original == null ? request.getRequestURI() : original, request.getContextPath(),
                request.getHeader(HttpHeaders.ACCEPT))) {
            if (status == HttpStatus.FORBIDDEN && PageRequests.twoFactorFirst(request)) {
                return ErrorPage.twoFactorFirst().view();
            }
            return ErrorPage.of(status, PageRequests.formExpired(request), retryAfter(response)).view();
        }
        ProblemResponses.write(response, status, EdgeErrors.detail(status), original, List.of());
        return null;
    }

    private static Long retryAfter(HttpServletResponse response) {
        String header = response.getHeader(HttpHeaders.RETRY_AFTER);
        return header != null && header.matches("\\d{1,9}") ? Long.valueOf(header) : null;
    }
}
