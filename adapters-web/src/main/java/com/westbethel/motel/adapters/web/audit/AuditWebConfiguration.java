package com.westbethel.motel.adapters.web.audit;

import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the admins' audit controller, which stays package-private; the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class AuditWebConfiguration {

    @Bean
    AdminAuditController adminAuditController(QueryAuditLogUseCase audit) {
        return new AdminAuditController(audit);
    }
}
