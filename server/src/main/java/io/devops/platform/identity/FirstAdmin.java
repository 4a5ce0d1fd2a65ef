package io.devops.platform.identity;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * There is no default password: on the first start against an empty database the admin's
 * password comes from {@code DEVOPS_ADMIN_PASSWORD}, or is generated and logged exactly once.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Users users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String configuredPassword;

    FirstAdmin(Users users, PasswordEncoder encoder, Clock clock,
               @Value("${devops.admin.password:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        String password = generated ? TokenCodec.randomUrlSafe(18) : configuredPassword;
        if (!generated) {
            PasswordPolicy.check("DEVOPS_ADMIN_PASSWORD", password);
        }
        try {
            users.insert(USERNAME, "Administrator", encoder.encode(password), Role.ADMIN, clock.instant(), CurrentActor.SYSTEM);
        } catch (DuplicateKeyException e) {
            return; // another instance on the same database created the admin first
        }
        if (generated) {
            log.warn("Generated the first admin password (shown only this once; change it after signing in): user '{}', password '{}'",
                    USERNAME, password);
        } else {
            log.info("Created the first admin '{}' with the password from DEVOPS_ADMIN_PASSWORD", USERNAME);
        }
    }
}
