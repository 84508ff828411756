package com.westbethel.motel.adapters.web.edge;

import com.westbethel.motel.adapters.web.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses the NUL character (U+0000, {@code %00} once decoded) in a query or form parameter, name or value, before any
 * filter or controller reads it; and parameters the container cannot read at all ({@code ?=1}: an empty name, a broken
 * percent-encoding, too many of them), which would otherwise surface later as a 500. Tomcat already refuses it in the path and in headers (answered as problem+json by
 * {@link ProblemErrorReportValve}); JSON bodies are checked while they are read ({@link NulCharacterRefused}).
 */
class NulCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            // Tomcat's InvalidParameterException: the query or form cannot be parsed.
            ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST,
                    "The request's parameters cannot be read: each needs a name, and '%' must start a valid percent-encoding.", List.of());
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (containsNul(parameter.getKey()) || List.of(parameter.getValue()).stream().anyMatch(NulCharacterFilter::containsNul)) {
                String field = parameter.getKey().replace("\0", "\\u0000");
                String message = NulCharacterRefused.MESSAGE;
                ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, "The parameter '%s' %s.".formatted(field, message),
                        List.of(Map.of("field", field, "message", message)));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean containsNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }
}
