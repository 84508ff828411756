package com.westbethel.motel.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The dependency rules of docs/architecture.md §2, for a code base rooted at one package. The real code is
 * checked with root {@code com.westbethel.motel}; the fixture tests apply the same rules to a
 * deliberately bad code base to prove each rule catches its violation.
 */
final class HexagonalRules {

    private static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";
    private static final String CONFIGURATION_PROPERTIES = "org.springframework.boot.context.properties.ConfigurationProperties";
    private static final String PICOCLI_COMMAND = "picocli.CommandLine$Command";
    private static final List<String> PICOCLI_PLUG_INS = List.of(
            "picocli.CommandLine$IFactory", "picocli.CommandLine$IVersionProvider",
            "picocli.CommandLine$IExecutionExceptionHandler", "picocli.CommandLine$IParameterExceptionHandler",
            "picocli.CommandLine$ITypeConverter", "picocli.CommandLine$IDefaultValueProvider");

    private final String root;

    HexagonalRules(String root) {
        this.root = root;
    }

    List<ArchRule> all() {
        return List.of(domainDependsOnTheJdkOnly(), applicationDependsOnDomainAndTheJdkOnly(), theCoreUsesNoFiles(),
                adaptersDoNotDependOnEachOther(), adaptersDoNotDependOnBootstraps(), bootstrapsDoNotDependOnEachOther(),
                bootstrapsOnlyWireAndConfigure(), useCasesAreReachedThroughTheirInputPorts(), noServiceImplementsMoreThanTwoInputPorts(),
                implementationsAreNamedForTheirInputPort(), packagesAreFreeOfCycles());
    }

    ArchRule domainDependsOnTheJdkOnly() {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .as("domain imports nothing but the JDK");
    }

    ArchRule applicationDependsOnDomainAndTheJdkOnly() {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                .as("application imports the domain and the JDK only");
    }

    /** Files, their paths and permissions are infrastructure: the core says what to keep, an adapter says where (a port out). */
    ArchRule theCoreUsesNoFiles() {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat(resideInAPackage("java.nio.file..")
                        .or(resideInAPackage("java.io").and(simpleNameStartingWith("File"))))
                .as("domain and application use no files (java.nio.file, java.io.File*)");
    }

    ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".adapters.(*)..").namingSlices("adapter $1")
                .should().notDependOnEachOther()
                .as("adapters never depend on each other");
    }

    ArchRule adaptersDoNotDependOnBootstraps() {
        return noClasses().that().resideInAPackage(root + ".adapters..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .as("adapters never depend on a bootstrap module");
    }

    ArchRule bootstrapsDoNotDependOnEachOther() {
        return slices().matching(root + ".bootstrap.(*)..").namingSlices("bootstrap $1")
                .should().notDependOnEachOther()
                .as("each deployable is wired on its own");
    }

    /**
     * A bootstrap holds configuration ({@code @Configuration}, including {@code @SpringBootApplication},
     * and {@code @ConfigurationProperties}), and, in the CLI, Picocli commands and their plug-ins.
     * A class that is none of these is logic, and logic lives in the domain, application or adapters.
     */
    ArchRule bootstrapsOnlyWireAndConfigure() {
        return classes().that().resideInAPackage(root + ".bootstrap..")
                .and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .should(be(wiringOrEntryPoint()))
                .as("bootstrap modules only wire and configure");
    }

    ArchRule useCasesAreReachedThroughTheirInputPorts() {
        return noClasses().that().resideOutsideOfPackage(root + ".application..")
                .and(DescribedPredicate.not(configuration()))
                .should().dependOnClassesThat().resideInAPackage(root + ".application..service..")
                .as("a use case is reached from outside only through its input port (configuration may construct it)");
    }

    /** A service answers for one use case, or two that share nearly everything; more is several services under one name. */
    ArchRule noServiceImplementsMoreThanTwoInputPorts() {
        return classes().that().resideInAPackage(root + ".application..service..")
                .should(implementAtMostTwoInputPorts())
                .as("no service implements more than two input ports");
    }

    /**
     * Every class that implements input ports is named {@code XService} for an {@code XUseCase} among them: one port,
     * named for it; two, named for one of them. So a use case's code is found by the use case's name.
     */
    ArchRule implementationsAreNamedForTheirInputPort() {
        return classes().that(DescribedPredicate.describe("implement an input port", javaClass -> !inputPortsOf(javaClass).isEmpty()))
                .should(beNamedForOneOfTheirInputPorts())
                .as("an input port's implementation is named XService for an XUseCase it implements");
    }

    ArchRule packagesAreFreeOfCycles() {
        return slices().matching(root + ".(**)").namingSlices("package $1")
                .should().beFreeOfCycles()
                .as("no package cycles");
    }

    /** The {@code ...UseCase} interfaces of a {@code port.in} package that the class implements, by simple name. */
    private List<String> inputPortsOf(JavaClass javaClass) {
        DescribedPredicate<JavaClass> inputPort = resideInAPackage(root + "..port.in..").and(simpleNameEndingWith("UseCase"));
        return javaClass.getAllRawInterfaces().stream().filter(inputPort).map(JavaClass::getSimpleName).sorted().toList();
    }

    private ArchCondition<JavaClass> implementAtMostTwoInputPorts() {
        return new ArchCondition<>("implement at most two input ports") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<String> ports = inputPortsOf(javaClass);
                if (ports.size() > 2) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            javaClass.getName() + " implements " + ports.size() + " input ports: " + String.join(", ", ports)));
                }
            }
        };
    }

    private ArchCondition<JavaClass> beNamedForOneOfTheirInputPorts() {
        return new ArchCondition<>("be named XService for an XUseCase they implement") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<String> ports = inputPortsOf(javaClass);
                List<String> names = ports.stream().map(port -> port.substring(0, port.length() - "UseCase".length()) + "Service").toList();
                if (!names.contains(javaClass.getSimpleName())) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " implements " + String.join(", ", ports)
                            + " but is not named " + String.join(" or ", names)));
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> configuration() {
        return DescribedPredicate.describe("configuration", javaClass ->
                javaClass.isMetaAnnotatedWith(CONFIGURATION) || javaClass.isAnnotatedWith(CONFIGURATION));
    }

    private static DescribedPredicate<JavaClass> wiringOrEntryPoint() {
        return DescribedPredicate.describe("configuration, configuration properties, or a Picocli command or plug-in", javaClass ->
                configuration().test(javaClass)
                        || javaClass.isAnnotatedWith(CONFIGURATION_PROPERTIES)
                        || javaClass.isAnnotatedWith(PICOCLI_COMMAND)
                        || PICOCLI_PLUG_INS.stream().anyMatch(javaClass::isAssignableTo));
    }
}
