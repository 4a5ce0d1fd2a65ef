package io.devops.platform.bmc;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How ipmitool is run. Cipher suite 3 (HMAC-SHA1, AES-128) is named instead of letting ipmitool
 * negotiate: every IPMI 2.0 BMC offers it, and some (and OpenIPMI's simulator) do not answer the
 * cipher suite discovery ipmitool starts with otherwise.
 */
@Component
record IpmiSettings(String executable, int cipherSuite, Duration commandTimeout, Duration powerOnTimeout,
                    Duration pollInterval) {

    IpmiSettings(@Value("${devops.bmc.ipmitool:ipmitool}") String executable,
                 @Value("${devops.bmc.cipher-suite:3}") int cipherSuite,
                 @Value("${devops.bmc.command-timeout:PT20S}") Duration commandTimeout,
                 @Value("${devops.bmc.power-on-timeout:PT2M}") Duration powerOnTimeout,
                 @Value("${devops.bmc.poll-interval:PT2S}") Duration pollInterval) {
        this.executable = executable;
        this.cipherSuite = cipherSuite;
        this.commandTimeout = commandTimeout;
        this.powerOnTimeout = powerOnTimeout;
        this.pollInterval = pollInterval;
    }
}
