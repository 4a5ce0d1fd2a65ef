package io.devops.platform.notify;

import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.AfterEach;

/** The notification tests' shared server, their test data, and no channel left behind for the next test. */
abstract class NotificationApiTest extends ApiTest {

    private NotificationTestData data;

    /** Made on first use: {@code admin()} needs the server, which is up only once a test runs. */
    NotificationTestData data() {
        if (data == null) {
            data = new NotificationTestData(admin(), ApiTest::unique);
        }
        return data;
    }

    @AfterEach
    void deleteChannels() {
        data().deleteChannels();
    }
}
