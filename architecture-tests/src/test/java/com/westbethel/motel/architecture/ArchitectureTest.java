package com.westbethel.motel.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The production code of every module obeys docs/architecture.md §2. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION_CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.westbethel.motel");

    @Test
    void the_checked_code_spans_every_module() {
        assertThat(PRODUCTION_CODE.stream().map(javaClass -> javaClass.getPackageName().split("\\.")[3]).distinct())
                .contains("domain", "application", "adapters", "bootstrap");
        assertThat(PRODUCTION_CODE.stream().map(JavaClass::getPackageName))
                .anyMatch(name -> name.startsWith("com.westbethel.motel.adapters.persistence"))
                .anyMatch(name -> name.startsWith("com.westbethel.motel.adapters.web"))
                .anyMatch(name -> name.startsWith("com.westbethel.motel.adapters.messaging"))
                .anyMatch(name -> name.startsWith("com.westbethel.motel.bootstrap.api"))
                .anyMatch(name -> name.startsWith("com.westbethel.motel.bootstrap.cli"))
                .anyMatch(name -> name.startsWith("com.westbethel.motel.bootstrap.worker"));
    }

    @TestFactory
    Stream<DynamicTest> every_rule_holds_for_the_production_code() {
        return new HexagonalRules("com.westbethel.motel").all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(PRODUCTION_CODE)));
    }
}
