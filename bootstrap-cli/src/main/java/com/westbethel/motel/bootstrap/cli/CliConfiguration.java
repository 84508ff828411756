package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.adapters.persistence.operations.FlywaySchemaMigrations;
import com.westbethel.motel.application.operations.port.in.InspectDatabaseSchemaUseCase;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations;
import com.westbethel.motel.application.operations.service.SchemaInspector;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The adapters motel-admin's commands use, wired to their use cases. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class CliConfiguration {

    /** Flyway as the API configures it, but never run on start: only {@code db migrate} changes the schema. */
    @Bean
    Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).load();
    }

    @Bean
    SchemaMigrations schemaMigrations(Flyway flyway) {
        return new FlywaySchemaMigrations(flyway);
    }

    @Bean
    InspectDatabaseSchemaUseCase inspectDatabaseSchema(SchemaMigrations schemaMigrations) {
        return new SchemaInspector(schemaMigrations);
    }
}
