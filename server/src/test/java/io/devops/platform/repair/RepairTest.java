package io.devops.platform.repair;

import io.devops.platform.lifecycle.RepairStates;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** The repair tests' shared server, with the drain and the event the health policy would make. */
abstract class RepairTest extends ApiTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    RepairStates states;

    RepairFixtures fixtures;

    /** The node's lifecycle state (one never moved reads as its pool puts it, with no history). */
    String state(long nodeId) {
        return states.state(nodeId);
    }

    @BeforeEach
    void fixtures() {
        fixtures = new RepairFixtures(admin(), anonymous(), ApiTest::unique);
    }
}
