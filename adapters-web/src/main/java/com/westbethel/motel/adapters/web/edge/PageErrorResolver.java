package com.westbethel.motel.adapters.web.edge;

import com.westbethel.motel.adapters.web.security.PageRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An exception raised while serving a page of the website to a browser becomes the site's error page with the status it
 * deserves (an unknown address 404, a wrong method 405, a malformed parameter 400, the database away 503, anything
 * unexpected a logged 500), where the API's requests get problem+json from {@code ApiProblemHandler}. It runs before the
 * {@code @ExceptionHandler} methods, so site controllers answer refusals with pages of their own (results, not exceptions)
 * and leave exceptions to this. Security's own exceptions pass on to Spring Security (login page, 403).
 */
final class PageErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageErrorResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception exception) {
        if (!PageRequests.wantsPage(request) || exception instanceof AccessDeniedException || exception instanceof AuthenticationException) {
            return null;
        }
        HttpStatus status = statusOf(exception);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("Database unavailable while serving page {}: {}", request.getRequestURI(), exception.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        } else if (status.is5xxServerError()) {
            log.error("Unexpected error while serving page {}", request.getRequestURI(), exception);
        } else if (exception instanceof HttpRequestMethodNotSupportedException wrongMethod && wrongMethod.getSupportedHttpMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", wrongMethod.getSupportedHttpMethods().stream().map(Object::toString).toList()));
        }
        return ErrorPage.of(status, false, null).view();
    }

    private static HttpStatus statusOf(Exception exception) {
        if (exception instanceof ErrorResponse known) {
            return EdgeErrors.status(known.getStatusCode().value());
        }
        if (exception instanceof TypeMismatchException || exception instanceof HttpMessageNotReadableException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (exception instanceof DataIntegrityViolationException) {
            return HttpStatus.CONFLICT;
        }
        if (DatabaseUnavailable.causedBy(exception)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** Right after Boot's {@code DefaultErrorAttributes} (which only records the exception), before the exception handlers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
