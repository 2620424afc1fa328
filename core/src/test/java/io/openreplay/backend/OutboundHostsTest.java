package io.openreplay.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OutboundHostsTest {

  private static final SessionToken TOKEN = SessionToken.parseOrNull("2pi9ofm8s8.1ar.1lx3.9GfBz8qNmTpYvL2xR4wK");

  @Test
  void theDefaultListAllowsNoHost() {
    assertSame(OutboundHosts.NONE, OutboundHosts.of(null));
    assertSame(OutboundHosts.NONE, OutboundHosts.of(" , "));
    assertFalse(OutboundHosts.NONE.allows(URI.create("http://localhost:8080/x")));
    assertNull(OutboundHeader.valueFor(OutboundHosts.NONE, TOKEN, URI.create("http://localhost/")));
  }

  @Test
  void aHostEntryAllowsThatHostOnAnyPortAndNoOther() {
    OutboundHosts hosts = OutboundHosts.of("Orders.Internal");
    assertTrue(hosts.allows(URI.create("http://orders.internal/pay")));
    assertTrue(hosts.allows(URI.create("https://ORDERS.internal:8443/pay")));
    assertTrue(hosts.allows("http", "orders.internal.", -1));
    assertFalse(hosts.allows(URI.create("http://orders.internal.attacker.invalid/")));
    assertFalse(hosts.allows(URI.create("http://xorders.internal/")));
    assertFalse(hosts.allows(URI.create("http://api.orders.internal/")));
  }

  @Test
  void aWildcardEntryAllowsTheSubdomainsOnly() {
    OutboundHosts hosts = OutboundHosts.of("*.svc.cluster.local");
    assertTrue(hosts.allows(URI.create("http://orders.shop.svc.cluster.local:8080/")));
    assertFalse(hosts.allows(URI.create("http://svc.cluster.local/")));
    assertFalse(hosts.allows(URI.create("http://evilsvc.cluster.local/")));
  }

  @Test
  void anEntryWithAPortAllowsThatPortOnlyWithTheSchemesDefault() {
    OutboundHosts hosts = OutboundHosts.of("127.0.0.1:8081, api.example.com:443, [::1]:9000");
    assertTrue(hosts.allows(URI.create("http://127.0.0.1:8081/x")));
    assertFalse(hosts.allows(URI.create("http://127.0.0.1:8082/x")));
    assertTrue(hosts.allows(URI.create("https://api.example.com/v1")));
    assertFalse(hosts.allows(URI.create("http://api.example.com/v1")));
    assertTrue(hosts.allows(URI.create("http://[::1]:9000/")));
    assertTrue(hosts.allows("http", "::1", 9000));
    assertFalse(hosts.allows(URI.create("http://[::1]:9001/")));
  }

  @Test
  void entriesThatNameNoHostAreIgnored() {
    assertSame(OutboundHosts.NONE, OutboundHosts.of("*, *., /path, a b, host:99999, host:x"));
    OutboundHosts hosts = OutboundHosts.of("*, https://orders.internal/");
    assertEquals("orders.internal", hosts.toString());
    assertFalse(hosts.allows(URI.create("http://other/")));
  }

  @Test
  void theHeaderCarriesTheTokenOrTheBareSessionIdOnlyToAllowedHosts() {
    OutboundHosts hosts = OutboundHosts.of("localhost");
    assertEquals("X-OpenReplay-SessionToken", OutboundHeader.NAME);
    assertEquals(TOKEN.token(), OutboundHeader.valueFor(hosts, TOKEN, URI.create("http://localhost:1/")));
    assertEquals("7012345", OutboundHeader.valueFor(hosts, SessionToken.parseOrNull("7012345"),
        URI.create("http://localhost:1/")));
    assertNull(OutboundHeader.valueFor(hosts, TOKEN, URI.create("http://127.0.0.1:1/")));
    assertNull(OutboundHeader.valueFor(hosts, null, URI.create("http://localhost:1/")));
    assertNull(OutboundHeader.valueFor(hosts, TOKEN, (URI) null));
    assertNull(OutboundHeader.valueFor(hosts, TOKEN, URI.create("/relative")));
  }
}
