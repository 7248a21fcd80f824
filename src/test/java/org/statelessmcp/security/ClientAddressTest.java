package org.statelessmcp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxy = ClientAddress.trusting("10.0.0.0/8, 192.168.1.7, ::1");

    @Test
    void withoutTrustedProxiesForwardedForIsIgnored() {
        assertEquals("203.0.113.9", ClientAddress.trusting("").resolve("203.0.113.9", List.of("1.2.3.4")));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertEquals("203.0.113.9", behindProxy.resolve("203.0.113.9", List.of("1.2.3.4")));
    }

    @Test
    void fromATrustedProxyTheAddressItSawIsTheClient() {
        assertEquals("1.2.3.4", behindProxy.resolve("10.1.2.3", List.of("1.2.3.4")));
    }

    @Test
    void aClientCannotPrependAnAddressOfItsChoice() {
        // the client wrote 6.6.6.6 itself; the proxy appended the address it saw
        assertEquals("1.2.3.4", behindProxy.resolve("10.1.2.3", List.of("6.6.6.6, 1.2.3.4")));
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedFromTheRight() {
        assertEquals("1.2.3.4", behindProxy.resolve("10.1.2.3", List.of("6.6.6.6, 1.2.3.4, 192.168.1.7",
                "10.9.9.9")));
    }

    @Test
    void aMalformedHopStopsTheWalkAtTheLastAddressVouchedFor() {
        assertEquals("10.9.9.9", behindProxy.resolve("10.1.2.3", List.of("1.2.3.4, evil.example, 10.9.9.9")));
    }

    @Test
    void ipv6PeersAndRangesWork() {
        assertEquals("2001:db8::1", behindProxy.resolve("0:0:0:0:0:0:0:1", List.of("2001:db8::1")));
        assertEquals("0:0:0:0:0:0:0:1", ClientAddress.trusting("10.0.0.0/8").resolve("0:0:0:0:0:0:0:1",
                List.of("2001:db8::1")));
    }

    @Test
    void aRangeMatchesOnItsPrefixBitsOnly() {
        ClientAddress range = ClientAddress.trusting("172.16.0.0/12");
        assertEquals("1.2.3.4", range.resolve("172.31.255.1", List.of("1.2.3.4")));
        assertEquals("172.32.0.1", range.resolve("172.32.0.1", List.of("1.2.3.4")));
    }

    @Test
    void hostNamesAreRefusedNotLookedUp() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("proxy.internal"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("10.0.0.0/33"));
    }
}
