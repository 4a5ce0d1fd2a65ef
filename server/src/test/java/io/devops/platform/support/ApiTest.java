package io.devops.platform.support;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the end-to-end API tests: one real server on a random port, shared by every test class
 * (same configuration, so Spring caches one context), on H2 or on MariaDB (see application-test.yml).
 * Tests never assume an empty database: names are made unique with {@link #unique(String)}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    /** From 127.2.0.0 up: 127.0.x.x and 127.1.x.x are left to the SSH test nodes. */
    private static final AtomicLong IP_SEQUENCE = new AtomicLong(131_072 + System.nanoTime() % 4_000_000);

    @Value("${local.server.port}")
    protected int port;

    protected Api anonymous() {
        return Api.anonymous(port);
    }

    protected Api admin() {
        return anonymous().basic("admin", ADMIN_PASSWORD);
    }

    /** A name no earlier test or run on the same database has used. */
    protected static String unique(String prefix) {
        return prefix + "_" + Long.toString(SEQUENCE.incrementAndGet(), 36) + Long.toString(System.nanoTime() % 46656, 36);
    }

    /** A loopback IPv4 address no other test uses: 127.x.y.z. */
    protected static String uniqueIp() {
        long n = IP_SEQUENCE.incrementAndGet();
        return "127." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }
}
