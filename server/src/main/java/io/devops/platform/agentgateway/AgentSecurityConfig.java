package io.devops.platform.agentgateway;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent protocol has its own filter chain, ahead of the users' one: agents authenticate with
 * their own credential only (never a user's session, password or API token), and nothing here
 * uses cookies, so there is no session and no CSRF token. Enrolment is open: its body carries
 * the enrolment token, and a waiting agent's claim carries the secret it generated.
 */
@Configuration(proxyBeanMethods = false)
class AgentSecurityConfig {

    static final String PROTOCOL = "/api/v1/agent/**";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain agentProtocolSecurity(HttpSecurity http, AgentCredentials credentials, JsonMapper json)
            throws Exception {
        AgentProblems problems = new AgentProblems(json);
        http.securityMatcher(PROTOCOL)
                .authorizeHttpRequests(auth -> auth
                        // A held poll is answered in an async dispatch of the request already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/agent/enroll").permitAll()
                        // A waiting agent has no credential yet: its claim secret is checked by the enrolment.
                        .requestMatchers(HttpMethod.POST, "/api/v1/agent/enrollments/*/claim").permitAll()
                        .anyRequest().hasAuthority(AgentAuthentication.AUTHORITY))
                .addFilterBefore(new AgentCredentialFilter(credentials, problems), AuthorizationFilter.class)
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()));
        return http.build();
    }
}
