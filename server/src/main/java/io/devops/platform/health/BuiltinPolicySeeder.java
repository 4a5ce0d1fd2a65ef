package io.devops.platform.health;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the built-in policy as the fleet's default, once: when no policy named "default" exists.
 * Later versions an operator makes are never undone; instances starting together race on the unique
 * name, and the loser finds it stored.
 */
@Component
class BuiltinPolicySeeder implements ApplicationRunner {

    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(BuiltinPolicySeeder.class);

    private final HealthPolicyStore store;
    private final Clock clock;

    BuiltinPolicySeeder(HealthPolicyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureStored();
    }

    /** Also called where the default is needed before this runner ran (a decision at startup); its own transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensureStored() {
        if (store.byName(BuiltinHealthPolicy.NAME).isPresent()) {
            return;
        }
        try {
            store.insert(BuiltinHealthPolicy.spec(), clock.instant(), ACTOR);
            log.info("stored the built-in health policy as the fleet's default ({} rules)", BuiltinHealthPolicy.rules().size());
        } catch (DuplicateKeyException raced) {
            log.debug("another instance stored the built-in health policy first");
        }
    }
}
