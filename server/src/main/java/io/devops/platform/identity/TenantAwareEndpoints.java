package io.devops.platform.identity;

import io.devops.platform.shared.PlatformException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Closed by default: a tenant user may call only endpoints marked {@link TenantAware}, whose modules
 * scope what they answer. Anything else (user management, credentials, catalog changes, agents,
 * endpoints added later) answers 403 to them, whatever the id: the refusal says nothing about objects.
 * The agents' protocol is outside it: its own filter chain admits agent credentials only, never a user.
 */
@Configuration(proxyBeanMethods = false)
class TenantAwareEndpoints implements WebMvcConfigurer {

    private static final String AGENT_PROTOCOL = "/api/v1/agent/**";

    private final TenantScopes scopes;

    TenantAwareEndpoints(TenantScopes scopes) {
        this.scopes = scopes;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && !isTenantAware(method) && !scopes.current().global()) {
                    throw new OperationsTeamOnly();
                }
                return true;
            }
        }).excludePathPatterns("/error", AGENT_PROTOCOL);
    }

    private static boolean isTenantAware(HandlerMethod method) {
        return method.hasMethodAnnotation(TenantAware.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), TenantAware.class);
    }

    /** 403: the endpoint is the operations team's. */
    static final class OperationsTeamOnly extends PlatformException {

        OperationsTeamOnly() {
            super("Only the operations team (a user with a global role) may do this; tenant users may not");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }
    }
}
