package org.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostCheckFilterTest {

    @Test
    void hostHeadersAreComparedWithoutPortCaseBracketsOrTrailingDot() {
        assertThat(HostCheckFilter.normal("Atelier.Example:8457")).isEqualTo("atelier.example");
        assertThat(HostCheckFilter.normal("[::1]:8457")).isEqualTo("::1");
        assertThat(HostCheckFilter.normal("[fe80::1%25eth0]")).isEqualTo("fe80::1");
        assertThat(HostCheckFilter.normal("fe80::1")).isEqualTo("fe80::1");
        assertThat(HostCheckFilter.normal("atelier.example.")).isEqualTo("atelier.example");
    }

    @Test
    void onlyTheBoundAddressThisMachinesNamesAndConfiguredNamesPass() {
        HostCheckFilter filter = new HostCheckFilter(HostCheckFilter.allowedHosts("192.0.2.10", List.of("Pricing.Lan")));
        assertThat(filter.allows("192.0.2.10:8457")).isTrue();
        assertThat(filter.allows("pricing.lan:8457")).isTrue();
        assertThat(filter.allows("localhost:8457")).isTrue();
        assertThat(filter.allows("evil.example")).isFalse();
        assertThat(filter.allows("192.0.2.11")).isFalse();
        assertThat(filter.allows("")).isFalse();
        assertThat(filter.allows(null)).isFalse();
    }

    @Test
    void boundToEveryInterfaceEachInterfaceAddressPasses() {
        Set<String> hosts = HostCheckFilter.allowedHosts("0.0.0.0", List.of());
        assertThat(hosts).contains("127.0.0.1", "localhost").doesNotContain("0.0.0.0");
    }
}
