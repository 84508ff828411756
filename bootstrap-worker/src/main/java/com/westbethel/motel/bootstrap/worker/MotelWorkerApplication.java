package com.westbethel.motel.bootstrap.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The background worker that runs beside the API: drains the email queue, warms caches, purges expired tokens. */
@SpringBootApplication
public class MotelWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotelWorkerApplication.class, args);
    }
}
