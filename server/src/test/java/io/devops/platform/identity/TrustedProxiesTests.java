package io.devops.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.10", "fd00::/8"));

    @Test
    void nobodyIsTrustedByDefault() {
        TrustedProxies none = TrustedProxies.of(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.clientOf("10.1.2.3", null, "203.0.113.1")).isEqualTo("10.1.2.3");
    }

    @Test
    void blocksAndSingleAddressesAreMatchedBitByBit() {
        assertThat(proxies.trusts("10.255.0.1")).isTrue();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("192.0.2.10")).isTrue();
        assertThat(proxies.trusts("192.0.2.11")).isFalse();
        assertThat(proxies.trusts("fd12::1")).isTrue();
        assertThat(proxies.trusts("fe80::1")).isFalse();
        assertThat(proxies.trusts("localhost")).as("names are never resolved").isFalse();
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotAProxy() {
        assertThat(proxies.clientOf("10.0.0.1", null, "1.1.1.1, 203.0.113.5, 10.0.0.2")).isEqualTo("203.0.113.5");
        assertThat(proxies.clientOf("10.0.0.1", null, "10.0.0.3")).isEqualTo("10.0.0.3");
        assertThat(proxies.clientOf("10.0.0.1", null, null)).isEqualTo("10.0.0.1");
        assertThat(proxies.clientOf("203.0.113.9", null, "1.1.1.1")).as("an untrusted peer").isEqualTo("203.0.113.9");
    }

    @Test
    void aMalformedEntryEndsTheWalkAtTheLastGoodAddress() {
        assertThat(proxies.clientOf("10.0.0.1", null, "evil.example, 10.0.0.2")).isEqualTo("10.0.0.2");
        assertThat(proxies.clientOf("10.0.0.1", null, "1.2.3.4, not-an-ip")).isEqualTo("10.0.0.1");
    }

    @Test
    void theForwardedHeaderWinsAndItsPortsAndBracketsAreTakenOff() {
        assertThat(proxies.clientOf("10.0.0.1", "for=192.0.2.60:8080;proto=http, for=\"[fd00::1]\"", "1.1.1.1"))
                .isEqualTo("192.0.2.60");
        assertThat(proxies.clientOf("10.0.0.1", "for=\"[2001:db8::1]:4711\"", null)).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void aBadConfigurationFailsAtStartNamingTheEntry() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("lb.internal"))).hasMessageContaining("'lb.internal'");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("0..32");
    }
}
