package com.westbethel.motel.adapters.web.problem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the API's error handling; the bootstrap imports it. */
@Configuration(proxyBeanMethods = false)
public class ProblemConfiguration {

    @Bean
    ApiProblemHandler apiProblemHandler() {
        return new ApiProblemHandler();
    }
}
