package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one home of a problem+json body written outside Spring MVC: 401 and 403 from the security filters, 429 from the rate
 * limiter, and the errors raised before MVC (the servlet container, the security firewall, {@code /error}), so that every
 * error of the API has the same shape as those {@code ApiProblemHandler} returns.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._~-]{1,200}");
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            write(request, response, HttpStatus.UNAUTHORIZED,
                    "A valid access token is required: send 'Authorization: Bearer <token>' from /api/v1/auth/login.");
        };
    }

    /** Refused for the caller's role: logged at WARN with who, what and where (never the token), then answered 403. */
    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> {
            log.warn("Access denied: {} {} by {}", request.getMethod(), request.getRequestURI(), caller());
            write(request, response, HttpStatus.FORBIDDEN, "Your account is not allowed to do this.");
        };
    }

    /** The caller's user id and roles from the verified token, or what else the security context holds. */
    static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "nobody";
        }
        if (authentication.getPrincipal() instanceof AccessTokenClaims claims) {
            return "user " + claims.user() + " " + claims.roles();
        }
        return authentication.getClass().getSimpleName();
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up so that a client waiting that long gets through. */
    static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration retryAfter) throws IOException {
        long seconds = retryAfterSeconds(retryAfter);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from your address. Try again in %d seconds.".formatted(seconds));
    }

    public static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Answers with a problem+json body of this status; {@code instance} is the request's path when it is safe to echo. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, status, detail, List.of());
    }

    /** As {@link #write(HttpServletRequest, HttpServletResponse, HttpStatus, String)}, naming the invalid inputs like validation does. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            List<Map<String, String>> errors) throws IOException {
        write(response, status, detail, request.getRequestURI(), errors);
    }

    /** As above, for a path other than the request's own (the failed request's, when answering on {@code /error}). */
    public static void write(HttpServletResponse response, HttpStatus status, String detail, String path,
            List<Map<String, String>> errors) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(body(status, detail, path, errors).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The body itself, for writers that are not a servlet response (the servlet container's error report). A path with
     * anything but plain URL characters (it may be the very input that was refused) is left out rather than echoed.
     */
    public static String body(HttpStatus status, String detail, String path, List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (path != null && SAFE_PATH.matcher(path).matches()) {
            problem.put("instance", path);
        }
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return JSON.writeValueAsString(problem);
    }
}
