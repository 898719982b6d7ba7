package dev.zohoconnect.cancelmeeting.client;

import java.util.regex.Pattern;

/**
 * Which hosts count as this machine's loopback, the only place plain http may carry a token. The
 * decision is made on the text alone: resolving a name would let DNS decide, and the HTTP client
 * resolves again on every connect, so an answer checked here would prove nothing about the address
 * actually used.
 */
final class Loopback {

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

  /**
   * 127.0.0.0/8 in plain dotted-quad form; no shorthand ({@code 127.1}), octal, hex or integer
   * forms.
   */
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\." + OCTET + "\\." + OCTET + "\\." + OCTET);

  private Loopback() {}

  /**
   * True for {@code localhost}, an IPv4 literal in 127.0.0.0/8 and {@code [::1]} (as {@link
   * java.net.URI#getHost()} gives it); every other name or address is not loopback.
   */
  static boolean isLoopbackHost(String host) {
    return host != null
        && (host.equalsIgnoreCase("localhost")
            || host.equals("[::1]")
            || IPV4_LOOPBACK.matcher(host).matches());
  }
}
