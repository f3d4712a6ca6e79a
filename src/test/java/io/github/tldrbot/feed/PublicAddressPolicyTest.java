package io.github.tldrbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Address literals only: InetAddress.getByName on a literal never touches DNS. */
class PublicAddressPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.0.0.2, loopback", "::1, loopback",
            "0.0.0.0, unspecified", "::, unspecified", "0.1.2.3, unspecified",
            "10.0.0.1, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.0.10, private",
            "169.254.169.254, link-local", "fe80::1, link-local",
            "100.64.0.1, carrier-grade NAT", "100.127.255.255, carrier-grade NAT",
            "fc00::1, unique-local", "fd12:3456::1, unique-local",
            "255.255.255.255, broadcast", "224.0.0.1, multicast", "ff02::1, multicast",
            "::ffff:10.0.0.1, private", "64:ff9b::7f00:1, loopback", "2002:c0a8:0101::1, private"})
    void nonPublicAddressesAreNamed(String literal, String kind) throws UnknownHostException {
        assertThat(PublicAddressPolicy.nonPublicKind(InetAddress.getByName(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1",
            "2606:4700::6810:85e5", "2002:5db8:d822::1"})
    void publicAddressesPass(String literal) throws UnknownHostException {
        assertThat(PublicAddressPolicy.nonPublicKind(InetAddress.getByName(literal))).isEmpty();
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsPrivate() throws UnknownHostException {
        InetAddress[] mixed = {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")};
        PublicAddressPolicy policy = new PublicAddressPolicy(host -> mixed);

        assertThat(policy.refusal("feeds.example.org")).isEqualTo(Optional.of("10.0.0.7 is a private address"));
    }

    @Test
    void aHostWithOnlyPublicAddressesIsAllowed() throws UnknownHostException {
        PublicAddressPolicy policy = new PublicAddressPolicy(host -> new InetAddress[] {InetAddress.getByName("8.8.4.4")});

        assertThat(policy.refusal("feeds.example.org")).isEmpty();
    }
}
