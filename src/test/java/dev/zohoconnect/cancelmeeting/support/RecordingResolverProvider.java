package dev.zohoconnect.cancelmeeting.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.net.spi.InetAddressResolverProvider;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The test JVM's name resolver (registered in {@code META-INF/services}): the JDK's own resolver,
 * which answers every lookup, except that it records the names looked up and answers a few names
 * made of hex letters with the loopback address, as a DNS server an attacker controls could. So a
 * test can show that a host name was never resolved, and that a name DNS calls loopback is not
 * trusted as loopback. Nothing else in the JVM sees a difference: no real host has these names.
 */
public final class RecordingResolverProvider extends InetAddressResolverProvider {

  /** Names that look like IPv6 digits and resolve to 127.0.0.1 here. */
  public static final Set<String> LOOPBACK_BY_DNS =
      Set.of("cafe", "dead", "add", "beef", "face", "fade", "decade", "facade");

  private static final int MAX_RECORDED = 10_000;
  private static final Set<String> LOOKED_UP = ConcurrentHashMap.newKeySet();
  private static volatile boolean installed;

  /**
   * Whether the JDK uses this provider (it does unless something resolved names before the test
   * classpath was in place).
   */
  public static boolean installed() {
    return installed;
  }

  /** Whether {@code host} was looked up since the JVM started. */
  public static boolean lookedUp(String host) {
    return LOOKED_UP.contains(host.toLowerCase(Locale.ROOT));
  }

  public static Set<String> lookups() {
    return Collections.unmodifiableSet(LOOKED_UP);
  }

  @Override
  public InetAddressResolver get(Configuration configuration) {
    installed = true;
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)
          throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (LOOKED_UP.size() < MAX_RECORDED) {
          LOOKED_UP.add(name);
        }
        if (LOOPBACK_BY_DNS.contains(name)) {
          byte[] address =
              (policy.characteristics() & LookupPolicy.IPV4) != 0
                  ? new byte[] {127, 0, 0, 1}
                  : new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
          return Stream.of(InetAddress.getByAddress(host, address));
        }
        return builtin.lookupByName(host, policy);
      }

      @Override
      public String lookupByAddress(byte[] address) throws UnknownHostException {
        return builtin.lookupByAddress(address);
      }
    };
  }

  @Override
  public String name() {
    return "recording test resolver";
  }
}
