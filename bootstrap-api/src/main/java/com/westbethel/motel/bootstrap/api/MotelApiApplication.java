package com.westbethel.motel.bootstrap.api;

import com.westbethel.motel.adapters.web.problem.ProblemConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The HTTP API for guests and staff. */
@SpringBootApplication
@Import(ProblemConfiguration.class)
public class MotelApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotelApiApplication.class, args);
    }
}
