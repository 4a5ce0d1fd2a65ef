package io.devops.platform.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTests {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.2, 127.0.0.2",
            "' 10.1.2.3 ', 10.1.2.3",
            "::1, ::1",
            "0:0:0:0:0:0:0:1, ::1",
            "FD00:0:0:0:1:0:0:1, fd00::1:0:0:1",
            "2001:db8:0:0:1:0:0:0, 2001:db8:0:0:1::",
            "2001:0db8:0001:0000:0000:0000:0000:0001, 2001:db8:1::1",
    })
    void acceptsAddressesInCanonicalForm(String input, String canonical) {
        assertThat(IpAddress.parse(input)).map(IpAddress::value).hasValue(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "256.1.1.1", "1.2.3", "01.2.3.4", "localhost", "example.com", "1.2.3.4.5", "::g", ":::", "1.2.3.4/24"})
    void rejectsAnythingElseWithoutLookingItUp(String input) {
        assertThat(IpAddress.parse(input)).isEmpty();
    }
}
