package dev.zohoconnect.cancelmeeting.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The origins, besides Zoho's own hosts, that the runtime's operator allows a token to go to: a
 * proxy, the local emulator. Written as a comma-separated list of {@code scheme://host[:port]}; an
 * entry without a port allows the host on any port ({@code http://127.0.0.1} allows the emulator
 * wherever it listens), one with a port only that port.
 *
 * <p>An entry that is not such an origin is left out and reported in {@link #ignored()} rather than
 * failing the runtime: leaving it out allows less, never more.
 *
 * @param origins the usable entries
 * @param ignored for each unusable entry, what it was (without anything but its origin) and why
 */
record AllowedOrigins(List<Origin> origins, List<String> ignored) {

  static final AllowedOrigins NONE = new AllowedOrigins(List.of(), List.of());

  AllowedOrigins {
    origins = List.copyOf(origins);
    ignored = List.copyOf(ignored);
  }

  static AllowedOrigins parse(Optional<String> setting) {
    if (setting.isEmpty()) {
      return NONE;
    }
    List<Origin> origins = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    String[] entries = setting.get().split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      if (entry.isEmpty()) {
        continue;
      }
      String position = "entry " + (i + 1);
      URI uri;
      try {
        uri = new URI(entry);
      } catch (URISyntaxException e) {
        ignored.add(position + " is not a URL");
        continue;
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        ignored.add(
            position + " is not an origin such as https://proxy.example.com or http://127.0.0.1");
        continue;
      }
      Origin origin = Origin.of(uri);
      if (uri.getRawUserInfo() != null) {
        ignored.add(position + " (" + origin + ") carries credentials; list the origin alone");
      } else if (uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || !(uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
        ignored.add(
            position + " (" + origin + ") has a path, query or fragment; list the origin alone");
      } else if (origin.port() > 65_535) {
        ignored.add(position + " (" + origin + ") has no valid port");
      } else if (scheme.equals("http") && !Loopback.isLoopbackHost(origin.host())) {
        ignored.add(
            position + " (" + origin + ") is plain http off loopback, which would expose tokens");
      } else {
        origins.add(origin);
      }
    }
    return new AllowedOrigins(origins, ignored);
  }

  boolean allows(Origin candidate) {
    for (Origin allowed : origins) {
      if (allowed.scheme().equals(candidate.scheme())
          && allowed.host().equals(candidate.host())
          && (allowed.port() == Origin.NO_PORT || allowed.port() == candidate.effectivePort())) {
        return true;
      }
    }
    return false;
  }
}
