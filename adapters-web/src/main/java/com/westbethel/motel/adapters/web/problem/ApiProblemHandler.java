package com.westbethel.motel.adapters.web.problem;

import com.westbethel.motel.adapters.web.edge.DatabaseUnavailable;
import com.westbethel.motel.adapters.web.edge.NulCharacterRefused;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves the API as RFC 9457 {@code application/problem+json}. Spring MVC's own
 * exceptions (unknown path, wrong method, unreadable body, failed validation) get their 4xx from
 * the base class; anything unexpected is logged here and answered with a 500 that reveals nothing of
 * the server's insides.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    /** Every invalid field is named, so that a form can mark each one. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> Problems.fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = exception.getBody();
        problem.setDetail(errors.size() == 1
                ? "The field '%s' %s.".formatted(errors.get(0).get("field"), errors.get(0).get("message"))
                : "%d fields are invalid; see errors.".formatted(errors.size()));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    /** A string holding the NUL character is named like an invalid field; other unreadable bodies keep the base answer. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (exception.getMostSpecificCause() instanceof NulCharacterRefused refused) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The field '%s' %s.".formatted(refused.field(), refused.getOriginalMessage()));
            problem.setProperty("errors", List.of(Problems.fieldError(refused.field(), refused.getOriginalMessage())));
            return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        return super.handleHttpMessageNotReadable(exception, headers, status, request);
    }

    /**
     * Two requests changed the same thing at the same moment and the database kept its rules (a room
     * taken by a concurrent move, a number added twice): the loser is told to retry, not given a 500.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException exception) {
        log.info("Refused by a database rule: {}", exception.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with another one made at the same moment. Reload and try again.");
        problem.setType(URI.create("/problems/conflict"));
        problem.setTitle("Conflict");
        return problem;
    }

    /**
     * The database could not be reached or did not answer in time (a restart, a failover, a slow network,
     * a pool with no free connection), or the connection broke so that the transaction could not even be
     * rolled back ({@link TransactionSystemException}; the server then discards it). A transaction commits whole
     * or not at all, but a connection that breaks during COMMIT leaves the client unable to know which: the answer
     * says to come back shortly, and only a retry with the same Idempotency-Key (bookings, payments) is known to be
     * safe; the client should look before repeating anything else.
     */
    private static ResponseEntity<ProblemDetail> databaseUnavailable(Exception exception) {
        log.warn("Database unavailable while handling a request: {}", exception.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
        problem.setType(URI.create("/problems/service-unavailable"));
        problem.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).body(problem);
    }

    /** Anything else: the database away ({@link DatabaseUnavailable}, above), or a logged 500 that reveals nothing. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (DatabaseUnavailable.causedBy(exception)) {
            return databaseUnavailable(exception);
        }
        log.error("Unexpected error while handling a request", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. The error has been logged; please try again later.");
        problem.setTitle("Internal Server Error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }
}
