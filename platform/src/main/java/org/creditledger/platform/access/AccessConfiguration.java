package org.creditledger.platform.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link AccessProperties}, which {@code ApiKeys}, {@code BootstrapAdminKey} and {@code SecurityConfiguration} read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class AccessConfiguration {
}
