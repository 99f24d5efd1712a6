package org.creditledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.axon.LedgerMetadata;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document: API-key security, the RFC 7807 problem responses every endpoint can give, and the
 * {@code Idempotency-Key} header of writes. {@link Caller} and {@link LedgerMetadata} are resolved from the request,
 * not sent by clients, so they are kept out of the parameters.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, LedgerMetadata.class);
    }

    private static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid input (field errors in `errors`); nothing was written",
            "401", "Missing or unknown X-Api-Key",
            "403", "This key's role or unit may not do this",
            "409", "Conflict with the ledger's state, a concurrent change, or a reused Idempotency-Key",
            "422", "Refers to something the ledger cannot accept, e.g. an unknown unit",
            "429", "Too many unknown API keys from this address (or, for batch checks, too many checks for this key); retry after Retry-After seconds");

    @Bean
    OpenAPI ledgerOpenApi() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON path of the field, e.g. subject.code"))
                .addProperty("message", new StringSchema());
        Schema<?> problem = new ObjectSchema().description("RFC 7807 problem detail")
                .addProperty("type", new StringSchema().example("urn:credit-ledger:problem:validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
        return new OpenAPI()
                .info(new Info().title("Credit commitment and reward-punishment ledger API").version("v1")
                        .description("信用承诺与联合奖惩台账: commitments, fulfilment records, quotas, lists, joint measures, counter checks, audit."))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key"))
                        .addSchemas("Problem", problem))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    @Bean
    OpenApiCustomizer problemResponsesAndIdempotencyKey() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                PROBLEMS.forEach((status, description) -> operation.getResponses().putIfAbsent(status, problemResponse(description)));
                if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                    addIdempotencyKey(operation);
                }
            });
        });
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static void addIdempotencyKey(Operation operation) {
        operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                .description("Repeat a write safely: the same key with the same body returns the first response and records nothing new; with another body → 409.")
                .schema(new StringSchema().maxLength(200)));
    }
}
