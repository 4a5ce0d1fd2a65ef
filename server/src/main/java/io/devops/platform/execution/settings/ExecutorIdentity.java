package io.devops.platform.execution.settings;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance's name, host:port: stable across restarts (so a restarted instance recognises
 * the runs it was executing) and distinct for several instances on one host. db-scheduler uses
 * the same name for its executions.
 */
@Component
public class ExecutorIdentity implements DbSchedulerCustomizer {

    private final String name;

    ExecutorIdentity(@Value("${devops.instance-name:}") String configured, @Value("${server.port:8080}") int port) {
        this.name = configured == null || configured.isBlank() ? hostname() + ":" + port : configured;
    }

    public String name() {
        return name;
    }

    @Override
    public Optional<SchedulerName> schedulerName() {
        return Optional.of(new SchedulerName.Fixed(name));
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
