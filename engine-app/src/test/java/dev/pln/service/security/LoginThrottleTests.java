package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which address a login's limits count for. */
class LoginThrottleTests {

    @Test
    void countsAnIpv4AddressAsItIs() {
        assertThat(LoginThrottle.address("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.address("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void countsAnIpv6AddressByItsSlash64() {
        assertThat(LoginThrottle.address("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.address("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.address("[2001:db8:1:2::9]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.address("2001:db8::1%eth0")).isEqualTo("2001:db8:0:0::/64");
        assertThat(LoginThrottle.address("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void keepsWhatIsNoAddressAsItIsAndAMissingOneAsUnknown() {
        assertThat(LoginThrottle.address("not:an:address::at::all")).isEqualTo("not:an:address::at::all");
        assertThat(LoginThrottle.address(null)).isEqualTo("unknown");
        assertThat(LoginThrottle.address(" ")).isEqualTo("unknown");
    }
}
