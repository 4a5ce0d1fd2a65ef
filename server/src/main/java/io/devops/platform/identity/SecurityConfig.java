package io.devops.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import io.devops.platform.shared.ProblemLanguage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * One filter chain for the API and the console. Reads (the API description included) need VIEWER,
 * changes OPERATOR, user management ADMIN; the hierarchy makes ADMIN an OPERATOR and OPERATOR a
 * VIEWER. API tokens and passwords are managed only by a user signed in with a password.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, Users users,
                                    ApiTokens tokens, TenantMemberships memberships, CsrfTokenRepository csrfTokens, JsonMapper json, Clock clock,
                                    ProblemLanguage language)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(json, language);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll()
                        .requestMatchers("/api/v1/api-tokens/**", "/api/v1/auth/password").access(new PasswordSignInOnly())
                        .requestMatchers("/api/v1/auth/**").authenticated()
                        // The API description maps every call and field: a read like any other, not for strangers.
                        .requestMatchers("/v3/**", "/swagger-ui.html", "/swagger-ui/**").hasRole(Role.VIEWER.name())
                        .requestMatchers("/api/v1/users/**", "/api/v1/settings/**", "/api/v1/notification-channels/**",
                                "/api/v1/notification-rules/**").hasRole(Role.ADMIN.name())
                        // An approval rule guards against the operators who start runs: they must not lift it.
                        .requestMatchers(HttpMethod.PUT, "/api/v1/jobs/*/approval-rule").hasRole(Role.ADMIN.name())
                        // Tenant users read their tenants' trail; the module filters it (see TenantScope).
                        .requestMatchers("/api/v1/audit-events/**").hasAnyRole(Role.OPERATOR.name(), TenantAuthorities.TENANT_VIEWER)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(Role.VIEWER.name(), TenantAuthorities.TENANT_VIEWER)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasAnyRole(Role.VIEWER.name(), TenantAuthorities.TENANT_VIEWER)
                        // Role files, and the variables and reports that steer them, are code that runs as root
                        // on every node: changing them is its own permission, "role code", held by ADMIN alone.
                        .requestMatchers("/api/v1/roles/*/archive", "/api/v1/roles/*/reports", "/api/v1/roles/*/variables",
                                "/api/v1/roles/*/variables/**").hasRole(Role.ADMIN.name())
                        // A collection's modules run as root on every node, like role files.
                        .requestMatchers(HttpMethod.POST, "/api/v1/collections", "/api/v1/collections/**").hasRole(Role.ADMIN.name())
                        // An imported catalog tree holds role files too.
                        .requestMatchers("/api/v1/catalog/import", "/api/v1/catalog/git-sources/**").hasRole(Role.ADMIN.name())
                        // What the fleet does on its own about failing nodes (drain, repair, RMA) is ADMIN's to set.
                        .requestMatchers("/api/v1/health-policies", "/api/v1/health-policies/**",
                                "/api/v1/node-pools/*/health-policy").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/**").hasAnyRole(Role.OPERATOR.name(), TenantAuthorities.TENANT_OPERATOR)
                        .anyRequest().permitAll())
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .addFilterAfter(new SessionAccountCheck(users), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, memberships, problems, clock), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                // Cookie sessions need CSRF tokens; calls that carry their own credentials cannot be forged.
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(SecurityConfig::carriesCredentials)
                        .ignoringRequestMatchers("/api/v1/auth/login"))
                .logout(logout -> logout.logoutUrl("/api/v1/auth/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .formLogin(form -> form.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * The console's scripts come from this server only and nothing may frame it, so markup that got
     * past the Markdown sanitiser could neither run nor load anything. Inline styles stay allowed:
     * the component library positions its popups with them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    /**
     * Basic or Bearer: such a request is signed in by its header, which a forged cross-site request
     * cannot set. Any other scheme is ignored by sign-in, so it must not switch CSRF off either.
     */
    private static boolean carriesCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    /** The console reads the XSRF-TOKEN cookie and echoes it in X-XSRF-TOKEN; sign-in replaces it. */
    @Bean
    CsrfTokenRepository csrfTokens() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.OPERATOR.name())
                .role(Role.OPERATOR.name()).implies(Role.VIEWER.name())
                .role(TenantAuthorities.TENANT_OPERATOR).implies(TenantAuthorities.TENANT_VIEWER)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Used by the session login and by HTTP Basic alike; failures are published for {@link SignInLog}
     * and counted by {@link SignInThrottle}.
     */
    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder,
                                                AuthenticationEventPublisher events, SignInThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new ThrottledAuthentication(provider, throttle));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }
}
