package org.creditledger.export;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI document says which reads export: their 200 answer also comes as {@code text/csv} and as an Excel
 * workbook, and an {@code Accept} they cannot answer is a 406 problem.
 */
@Configuration(proxyBeanMethods = false)
class ExportOpenApi {

    @Bean
    OperationCustomizer exportMediaTypes() {
        return (operation, handler) -> {
            GetMapping get = handler.getMethodAnnotation(GetMapping.class);
            ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
            if (get == null || get.produces().length > 0 || ok == null || ok.getContent() == null
                    || !Exportable.type(AcceptGuard.bodyType(handler.getReturnType()))) {
                return operation;
            }
            Content content = ok.getContent();
            for (TableFormat format : TableFormat.values()) {
                content.addMediaType(format.mediaType().toString(), new MediaType().schema(new StringSchema().format("binary")
                        .description(format == TableFormat.CSV ? "the answer's rows as CSV, UTF-8 with BOM, Chinese headers"
                                : "the answer's rows as an Excel sheet, Chinese headers")));
            }
            operation.getResponses().putIfAbsent("406", new ApiResponse()
                    .description("Accept names neither JSON nor an export format")
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
            return operation;
        };
    }
}
