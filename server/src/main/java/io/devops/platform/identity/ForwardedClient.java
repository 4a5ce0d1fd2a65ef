package io.devops.platform.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a load balancer every connection comes from the balancer. This filter, ahead of all others,
 * makes {@code getRemoteAddr()} the client's address, taken from the forwarded headers only when the
 * connection comes from a configured trusted proxy ({@link TrustedProxies}); so sign-in throttling,
 * the sign-in log and the API tokens' last-used address all see the client, and a client talking to
 * the server directly cannot pose as another address.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedClient {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> forwardedClientFilter(
            @Value("${devops.security.trusted-proxies:}") List<String> trustedProxies) {
        TrustedProxies proxies = TrustedProxies.of(trustedProxies);
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(proxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(!proxies.isEmpty());
        return registration;
    }

    private static final class Filter extends OncePerRequestFilter {

        private final TrustedProxies proxies;

        Filter(TrustedProxies proxies) {
            this.proxies = proxies;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String client = proxies.clientOf(request.getRemoteAddr(), request.getHeader("Forwarded"),
                    request.getHeader("X-Forwarded-For"));
            chain.doFilter(client.equals(request.getRemoteAddr()) ? request : new HttpServletRequestWrapper(request) {
                @Override
                public String getRemoteAddr() {
                    return client;
                }

                @Override
                public String getRemoteHost() {
                    return client;
                }
            }, response);
        }
    }
}
