package io.devops.platform.identity;

import io.devops.platform.shared.PrintableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed password sign-ins (console and HTTP Basic), for spotting guessing: who was tried and from
 * where, never the password. The name is the caller's text, so it is cleaned before it is logged.
 */
@Component
class SignInLog {

    private static final Logger log = LoggerFactory.getLogger(SignInLog.class);
    private static final int MAX_NAME = 64;

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        var attempt = event.getAuthentication();
        String from = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "?";
        log.info("Failed sign-in for '{}' from {}: {}", PrintableText.of(attempt.getName(), MAX_NAME), from,
                event.getException().getClass().getSimpleName());
    }
}
