package org.creditledger.platform;

import org.creditledger.LedgerHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC's converters: JSON (with the enum labels), not JAXB's XML, which Hibernate's JAXB on the classpath would
 * add and every answer would ask (benchmarks.md, issue 13, session 10). XML asked for is refused as before
 * ({@code ExportApiTest}).
 */
class MessageConvertersTest extends LedgerHttpTest {

    @Autowired
    RequestMappingHandlerAdapter mvc;

    @Test
    void answersAreWrittenByJacksonAndNoJaxbConverterIsAsked() {
        assertThat(mvc.getMessageConverters()).noneMatch(Jaxb2RootElementHttpMessageConverter.class::isInstance);
        assertThat(mvc.getMessageConverters()).anyMatch(MappingJackson2HttpMessageConverter.class::isInstance);
    }
}
