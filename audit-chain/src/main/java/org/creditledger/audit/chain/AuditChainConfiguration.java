package org.creditledger.audit.chain;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditChainSettings.class)
class AuditChainConfiguration {
}
