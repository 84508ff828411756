package com.westbethel.motel.adapters.web.site;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the website's shared pieces; the bootstrap imports it with the pages' own configurations. */
@Configuration(proxyBeanMethods = false)
public class SiteConfiguration {

    /** Named for the templates: {@code ${@siteVisitor.signedIn()}}. */
    @Bean
    SiteVisitor siteVisitor() {
        return new SiteVisitor();
    }
}
