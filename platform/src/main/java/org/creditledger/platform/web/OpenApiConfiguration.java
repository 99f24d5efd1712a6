package org.creditledger.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
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
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.creditledger.platform.access.Caller;
import org.creditledger.platform.axon.LedgerMetadata;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String FIELD_PROBLEM_REF = "#/components/schemas/FieldProblem";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid input (field errors in `errors`); nothing was written",
            "401", "Missing or unknown X-Api-Key",
            "403", "This key's role or unit may not do this",
            "409", "Conflict with the ledger's state, a concurrent change, or a reused Idempotency-Key",
            "422", "Refers to something the ledger cannot accept, e.g. an unknown unit",
            "429", "Too many unknown API keys from this address (or, for batch checks, too many checks for this key); retry after Retry-After seconds");

    @Bean
    OpenAPI ledgerOpenApi() {
        Schema<?> fieldProblem = new ObjectSchema().description("One invalid field of a request")
                .addProperty("field", new StringSchema().description("JSON path of the field, e.g. subject.code"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        Schema<?> problem = new ObjectSchema().description("RFC 7807 problem detail (application/problem+json)")
                .addProperty("type", new StringSchema().format("uri").description("Stable problem type; see the errors guide")
                        .example("urn:credit-ledger:problem:validation"))
                .addProperty("title", new StringSchema().description("Short summary of the problem type"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri")
                        .description("This occurrence, by the request's correlation id (also in X-Correlation-Id)")
                        .example("urn:credit-ledger:request:3f1c2a9e-8d7b-4c1e-9a51-2b0d6f4e7c10"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(FIELD_PROBLEM_REF))
                        .description("The invalid fields, when the input was invalid"));
        return new OpenAPI()
                .info(new Info().title("Credit commitment and reward-punishment ledger API").version("v1")
                        .description("信用承诺与联合奖惩台账: commitments, fulfilment records, quotas, lists, joint measures, counter checks, audit."))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key"))
                        .addSchemas("Problem", problem)
                        .addSchemas("FieldProblem", fieldProblem))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    @Bean
    OpenApiCustomizer problemResponsesAndIdempotencyKey() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses();
                addMissingSuccess(responses);
                responses.forEach((status, response) -> {
                    if (isError(status)) {
                        response.setContent(problemContent());
                    }
                });
                PROBLEMS.forEach((status, description) -> responses.putIfAbsent(status, problemResponse(description)));
                if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                    addIdempotencyKey(operation);
                }
            });
        });
    }

    /**
     * springdoc gives every {@code @ApiResponse} declared without content the handler's return type, and once a
     * handler declares any response it no longer adds the default {@code 200}. So a handler that documents only
     * its {@code 409} ends with no success response and its success body on the 409. The body belongs to a 200.
     */
    private static void addMissingSuccess(ApiResponses responses) {
        if (responses.keySet().stream().anyMatch(status -> status.startsWith("2"))) {
            return;
        }
        Content success = responses.values().stream()
                .map(ApiResponse::getContent)
                .filter(content -> content != null && !content.containsKey(PROBLEM))
                .findFirst().orElse(null);
        responses.addApiResponse("200", new ApiResponse().description("OK").content(success));
    }

    /** Every error answer is a problem, whatever springdoc inferred: 4xx and 5xx bodies come from ProblemAdvice. */
    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    @Bean
    EnumsInCollections enumsInCollections() {
        return new EnumsInCollections();
    }

    /**
     * An enum inside a list or set becomes a named schema (the enum's simple name) that the array refers to. Inline,
     * it breaks openapi-generator's Java client: the generated {@code toUrlQueryString} iterates the enum items as
     * {@code String}s and does not compile. Enums elsewhere stay inline, as springdoc writes them.
     */
    static final class EnumsInCollections implements PropertyCustomizer, OpenApiCustomizer {

        private final Map<String, Schema<?>> named = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Schema customize(Schema property, AnnotatedType type) {
            JavaType javaType = TypeFactory.defaultInstance().constructType(type.getType());
            Schema<?> items = property.getItems();
            if (javaType.isCollectionLikeType() && javaType.getContentType().isEnumType()
                    && items != null && items.getEnum() != null && items.get$ref() == null) {
                String name = javaType.getContentType().getRawClass().getSimpleName();
                named.putIfAbsent(name, items);
                property.setItems(new Schema<>().$ref("#/components/schemas/" + name));
            }
            return property;
        }

        @Override
        public void customise(OpenAPI openApi) {
            named.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
        }
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    private static void addIdempotencyKey(Operation operation) {
        operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                .description("Repeat a write safely: the same key with the same body returns the first response and records nothing new; with another body → 409.")
                .schema(new StringSchema().maxLength(200)));
    }
}
