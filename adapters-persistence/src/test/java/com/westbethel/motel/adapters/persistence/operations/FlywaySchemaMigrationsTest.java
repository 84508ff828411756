package com.westbethel.motel.adapters.persistence.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlywaySchemaMigrationsTest {

    @Test
    void the_reported_address_never_carries_credentials() {
        assertThat(FlywaySchemaMigrations.withoutCredentials("jdbc:postgresql://db.internal:5432/motel?user=app&password=s3cret"))
                .isEqualTo("postgresql://db.internal:5432/motel");
        assertThat(FlywaySchemaMigrations.withoutCredentials("jdbc:postgresql://app:s3cret@db.internal/motel"))
                .isEqualTo("postgresql://db.internal/motel");
        assertThat(FlywaySchemaMigrations.withoutCredentials("jdbc:postgresql://127.0.0.1:5432/motel"))
                .isEqualTo("postgresql://127.0.0.1:5432/motel");
    }
}
