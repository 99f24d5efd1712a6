package org.creditledger.export;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Exports on every GET read that answers a record, a list or a {@code Page}: {@code Accept: text/csv} or
 * {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet} gives the JSON answer's rows as a
 * file. No handler has code of its own for it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportSettings.class)
class ExportConfiguration implements WebMvcConfigurer {

    private final Tables tables;
    private final Headers headers;

    ExportConfiguration(Tables tables, Headers headers) {
        this.tables = tables;
        this.headers = headers;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        MappingJackson2HttpMessageConverter json = converters.stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(MappingJackson2HttpMessageConverter.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("Exports need the JSON converter's ObjectMapper"));
        for (TableFormat format : TableFormat.values()) {
            converters.add(new TableConverter(format, json, tables, headers));
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AcceptGuard());
    }
}
