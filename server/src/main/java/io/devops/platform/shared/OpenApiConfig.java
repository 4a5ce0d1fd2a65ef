package io.devops.platform.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs: what the API is and the two ways scripts sign in. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static {
        // Read from If-Match (VersionHeaders), not a query object: documented as the header below.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ExpectedVersion.class);
    }

    /** Edits that take an {@link ExpectedVersion} show the optional If-Match header. */
    @Bean
    OperationCustomizer ifMatchHeader() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethod().getParameterTypes()).anyMatch(ExpectedVersion.class::equals)) {
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false).schema(new StringSchema())
                        .description("The ETag of the GET this edit is based on, e.g. \"3\"; a stale one is a 409"));
            }
            return operation;
        };
    }

    @Bean
    OpenAPI platformOpenApi() {
        return new OpenAPI()
                .info(new Info().title("GPU node delivery platform API").version("v1")
                        .description("Inventory, catalog, jobs and runs. Errors are application/problem+json; "
                                + "lists are paged as {items, total, page, size}."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token from POST /api/v1/api-tokens"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
