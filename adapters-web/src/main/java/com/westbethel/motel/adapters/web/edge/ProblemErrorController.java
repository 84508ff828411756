package com.westbethel.motel.adapters.web.edge;

import com.westbethel.motel.adapters.web.security.ProblemResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container sends what a filter refused with {@code sendError} or an exception that
 * escaped the filters: problem+json like every other error, in place of Boot's {@code {timestamp, status, error, path}}.
 * Asked for directly, {@code /error} is simply not there (404). Registered as a bean, so Boot's own error controller
 * steps aside. Like {@link ProblemErrorReportValve}, the place a future HTML site would choose its own error page.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? EdgeErrors.status(value) : HttpStatus.NOT_FOUND;
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            log.error("Unexpected error outside Spring MVC while handling {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemResponses.write(response, status, EdgeErrors.detail(status), path instanceof String original ? original : null, List.of());
    }
}
