package dev.zohoconnect.cancelmeeting.client;

import java.net.URI;
import java.util.Locale;

/**
 * Scheme, host and port of a URL: what decides where a request goes, and all that a message may
 * show of a URL (never credentials, paths or queries).
 *
 * @param scheme lower case, {@code http} or {@code https}
 * @param host lower case, as {@link URI#getHost()} gives it ({@code [::1]} with brackets)
 * @param port the explicit port, or -1 when the URL names none
 */
public record Origin(String scheme, String host, int port) {

  static final int NO_PORT = -1;

  /** The origin of an absolute URL with a host; the caller has checked both. */
  static Origin of(URI uri) {
    return new Origin(
        uri.getScheme().toLowerCase(Locale.ROOT),
        uri.getHost().toLowerCase(Locale.ROOT),
        uri.getPort());
  }

  /** The port a connection really uses: the explicit one, or the scheme's default. */
  int effectivePort() {
    if (port != NO_PORT) {
      return port;
    }
    return scheme.equals("https") ? 443 : 80;
  }

  @Override
  public String toString() {
    return scheme + "://" + host + (port == NO_PORT ? "" : ":" + port);
  }
}
