package com.westbethel.motel.adapters.web.edge;

import com.westbethel.motel.adapters.web.security.PageRequests;
import com.westbethel.motel.adapters.web.security.ProblemResponses;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import tools.jackson.databind.JacksonModule;

/** Registers the API's outer edge (see the package's description); the bootstrap imports it. */
@Configuration(proxyBeanMethods = false)
public class EdgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeConfiguration.class);

    /**
     * Tomcat's error report becomes {@link ProblemErrorReportValve}. Boot adds a plain {@link ErrorReportValve} (without
     * server information) to the host; it is taken out, so that exactly one valve reports and it writes problem+json.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    StandardHost host = (StandardHost) context.getParent();
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                });
            }
        };
    }

    /** What Spring Security's firewall refuses ({@code ;}, {@code %25}, {@code //}, {@code ..}, ...): a 400 problem, or page. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejection) -> {
            log.info("Firewall refused a request: {}", rejection.getMessage());
            if (PageRequests.wantsPage(request)) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(ErrorPage.of(HttpStatus.BAD_REQUEST, false, null).standalone(request.getContextPath()));
                return;
            }
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, EdgeErrors.detail(HttpStatus.BAD_REQUEST), null, List.of());
        };
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    PageErrorResolver pageErrorResolver() {
        return new PageErrorResolver();
    }

    /**
     * Right behind the HTTP server's observation (Boot's, at {@code HIGHEST_PRECEDENCE + 1}), so its baggage joins the request's
     * span; ahead of everything that may answer on its own (the NUL check, Spring Security, the rate limiter), so every answer
     * carries the id. For error dispatches too: the error page is logged under the same id.
     */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter(ObjectProvider<Tracer> tracer) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
                new RequestIdFilter(SingletonSupplier.of(() -> tracer.getIfAvailable(() -> Tracer.NOOP))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /**
     * A client's own trace context is not continued (see {@link UntrustedTraceContextFilter}) unless the API sits behind a
     * gateway that starts traces and {@code motel.tracing.trust-incoming-context} says so. First of all filters.
     */
    @Bean
    @ConditionalOnProperty(name = "motel.tracing.trust-incoming-context", havingValue = "false", matchIfMissing = true)
    FilterRegistrationBean<UntrustedTraceContextFilter> untrustedTraceContext() {
        FilterRegistrationBean<UntrustedTraceContextFilter> registration = new FilterRegistrationBean<>(new UntrustedTraceContextFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /** Manage links' tokens never reach a span (see {@link SecretPathsOutOfSpans}); Boot applies it to the registry. */
    @Bean
    ObservationFilter secretPathsOutOfSpans() {
        return new SecretPathsOutOfSpans();
    }

    /** Before Spring Security, after Boot's character encoding filter (parameters are decoded as UTF-8). */
    @Bean
    FilterRegistrationBean<NulCharacterFilter> nulCharacterFilter() {
        FilterRegistrationBean<NulCharacterFilter> registration = new FilterRegistrationBean<>(new NulCharacterFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /**
     * The public catalogue (room types, availability) carries an ETag computed over its body, weak since the bytes differ
     * once gzip-compressed; a GET whose If-None-Match matches it (weak comparison, RFC 9110 13.1.2) gets a 304 without
     * the body. The answer is still computed: what this saves is the transfer, while the cache saves the computing.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicAnswersEtag() {
        ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter();
        filter.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/v1/room-types", "/api/v1/availability");
        return registration;
    }

    @Bean
    JacksonModule nulCharacterRefusedModule() {
        return NulCharacterRefused.module();
    }
}
