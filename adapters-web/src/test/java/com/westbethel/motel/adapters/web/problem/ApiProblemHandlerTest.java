package com.westbethel.motel.adapters.web.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** How the API answers when its database is down or too slow (chaos scenarios a and d of spec section 5.6). */
class ApiProblemHandlerTest {

    /** What Spring's JDBC support throws in each situation, as seen in ChaosIT's runs. */
    private static final Map<String, Supplier<RuntimeException>> FAILURES = Map.of(
            "pool-timeout", () -> new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("motel-api - Connection is not available, request timed out after 5000ms.")),
            "connection-lost", () -> new DataAccessResourceFailureException("An I/O error occurred while sending to the backend.",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006", new SocketTimeoutException("Read timed out"))),
            "rollback-failed", () -> new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")),
            "statement-timeout", () -> new QueryTimeoutException("canceling statement due to statement timeout"),
            "bug", () -> new IllegalStateException("a bug"));

    @RestController
    static class FailingController {

        @GetMapping("/fail/{kind}")
        String fail(@PathVariable String kind) {
            throw FAILURES.get(kind).get();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController()).setControllerAdvice(new ApiProblemHandler()).build();

    // Chaos finding: each of these was a 500 before the database was mapped to 503.
    @ParameterizedTest
    @ValueSource(strings = {"pool-timeout", "connection-lost", "rollback-failed", "statement-timeout"})
    void a_database_that_is_down_or_too_slow_is_a_503_problem_with_retry_after(String kind) throws Exception {
        mvc.perform(get("/fail/" + kind))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("/problems/service-unavailable"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value("The service is briefly unavailable. Please try again in a few seconds."));
    }

    @Test
    void any_other_unexpected_error_is_still_a_500_that_reveals_nothing() throws Exception {
        mvc.perform(get("/fail/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Something went wrong on our side. The error has been logged; please try again later."));
    }
}
