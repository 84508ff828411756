package com.westbethel.motel.adapters.web.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problems for the refusals the API answers with. Each kind of problem has its own type
 * ({@code /problems/<kind>}), so that clients can branch on it without parsing the text.
 */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    /** A problem about one field of the request body, named the way validation errors name fields. */
    public static ResponseEntity<ProblemDetail> fieldProblem(HttpStatus status, String type, String title, String field, String detail) {
        ResponseEntity<ProblemDetail> response = problem(status, type, title, detail);
        response.getBody().setProperty("errors", List.of(fieldError(field, detail)));
        return response;
    }

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
