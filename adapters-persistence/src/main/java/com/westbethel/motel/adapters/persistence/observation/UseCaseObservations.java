package com.westbethel.motel.adapters.persistence.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * An observation (a span, and a {@code motel.use-case} timer) around every call of a use case, named for its input port and
 * method, such as {@code BookRoomUseCase.book}. It applies to the use cases the deployables wire through
 * {@code TransactionalUseCases.inTransactions}: their proxy gets one more advice, outermost, so the span covers the
 * transaction's begin and commit too. The core stays free of Micrometer: nothing in the application knows it is observed.
 */
public final class UseCaseObservations implements BeanPostProcessor {

    static final String NAME = "motel.use-case";

    private final Supplier<ObservationRegistry> registry;

    /** @param registry looked up at the first call, not at wiring: the registry's own handlers are beans too */
    public UseCaseObservations(Supplier<ObservationRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Advised proxy && inputPort(proxy).isPresent() && !observed(proxy)) {
            proxy.addAdvice(0, new Observing(registry));
        }
        return bean;
    }

    private static boolean observed(Advised proxy) {
        return Arrays.stream(proxy.getAdvisors()).anyMatch(advisor -> advisor.getAdvice() instanceof Observing);
    }

    /** The {@code ...UseCase} interface of a {@code port.in} package that the proxy exposes. */
    static Optional<Class<?>> inputPort(Advised proxy) {
        return Arrays.stream(proxy.getProxiedInterfaces()).filter(UseCaseObservations::isInputPort).findFirst();
    }

    private static boolean isInputPort(Class<?> type) {
        return type.isInterface() && type.getPackageName().contains(".port.in") && type.getSimpleName().endsWith("UseCase");
    }

    private static final class Observing implements MethodInterceptor {

        private final Supplier<ObservationRegistry> registry;

        Observing(Supplier<ObservationRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Method method = invocation.getMethod();
            if (!ClassUtils.isUserLevelMethod(method) || method.getDeclaringClass() == Object.class) {
                return invocation.proceed();
            }
            String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            Observation observation = Observation.createNotStarted(NAME, registry.get())
                    .contextualName(name)
                    .lowCardinalityKeyValue("use.case", name)
                    .start();
            try (Observation.Scope scope = observation.openScope()) {
                return invocation.proceed();
            } catch (Throwable failure) {
                observation.error(failure);
                throw failure;
            } finally {
                observation.stop();
            }
        }
    }
}
