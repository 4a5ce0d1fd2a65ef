package io.devops.platform.lifecycle;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** An API test of the lifecycle, with its builders ({@link LifecycleWorld}) made for each test. */
abstract class LifecycleWorldTest extends ApiTest {

    @Autowired
    NodeRegistry registry;
    @Autowired
    AcceptanceVerdicts verdicts;
    @Autowired
    ApplicationEventPublisher events;

    LifecycleWorld world;

    @BeforeEach
    void world() {
        world = new LifecycleWorld(admin(), ApiTest::unique, ApiTest::uniqueIp, registry, verdicts, events);
    }
}
