package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.client.EndpointPolicy;
import dev.zohoconnect.cancelmeeting.client.ZohoEndpoints;
import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import dev.zohoconnect.cancelmeeting.model.DataCenter;
import dev.zohoconnect.cancelmeeting.model.EndpointOverride;
import dev.zohoconnect.cancelmeeting.model.ZohoEnvironment;
import dev.zohoconnect.cancelmeeting.model.auth.AccessTokenAuthentication;
import dev.zohoconnect.cancelmeeting.model.auth.RefreshTokenAuthentication;
import dev.zohoconnect.cancelmeeting.model.auth.ZohoAuthentication;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Property: a token goes only where the user meant it to go and the runtime's operator allowed.
 * Without the override, to the data center's hosts in the chosen environment, or to the same
 * environment of the data center a token answer names if that is one of Zoho's; with it, to a base
 * URL that is https (plain http only on a loopback address, decided without DNS), carries no
 * credentials, query, fragment or path, whose host every cancel URL keeps, and whose origin is
 * Zoho's or one the runtime allows. Anything else is an input error naming the field.
 */
class EndpointPolicyFuzzTest {

  /** What the runtime in this test allows besides Zoho, and the oracle's copy of it. */
  private static final String ALLOWED =
      "http://127.0.0.1, http://localhost:8080, https://proxy.example:8443, https://gateway.example,"
          + " http://cafe, http://evil.example, https://user:pass@evil.example";

  private static final List<String> ALLOWED_ANY_PORT =
      List.of("http://127.0.0.1", "https://gateway.example");
  private static final List<String> ALLOWED_WITH_PORT =
      List.of("http://localhost:8080", "https://proxy.example:8443");

  private static final List<String> SCHEMES =
      List.of(
          "https://",
          "http://",
          "HTTPS://",
          "ftp://",
          "javascript:",
          "",
          "//",
          "https:/",
          "https:///");
  private static final List<String> HOSTS =
      List.of(
          "www.zohoapis.com",
          "sandbox.zohoapis.eu",
          "developer.zohoapis.in",
          "accounts.zoho.com.au",
          "accounts.zohocloud.ca",
          "localhost",
          "LOCALHOST",
          "127.0.0.1",
          "127.1",
          "[::1]",
          "[::ffff:127.0.0.1]",
          "10.0.0.5",
          "0.0.0.0",
          "2130706433",
          "0x7f000001",
          "cafe",
          "dead",
          "add",
          "evil.example",
          "proxy.example",
          "gateway.example",
          "Gateway.Example",
          "zohoapis.com.evil.example",
          "www.zohoapis.com.evil.example",
          "localhost.evil.example",
          "127.0.0.1.nip.io",
          "www.zohoapis.com@evil.example",
          "",
          "%65vil.example",
          "evil.example#www.zohoapis.com",
          "evil.example\\www.zohoapis.com",
          "éxample.com");
  private static final List<String> TAILS =
      List.of(
          "",
          "/",
          ":443",
          ":8080",
          ":8080/",
          ":8443",
          ":99999",
          ":-1",
          "/crm/v7",
          "/%2e%2e",
          "//x",
          "?x=1",
          "#f",
          "/?",
          " ",
          "\t",
          "/..",
          ";x",
          "@evil.example");
  private static final Set<String> ZOHO_HOSTS =
      Stream.of(DataCenter.values())
          .flatMap(
              dc -> {
                String bare = dc.apiDomain().getHost().substring("www.".length());
                return Stream.of(
                    "www." + bare,
                    "sandbox." + bare,
                    "developer." + bare,
                    dc.accountsUrl().getHost());
              })
          .collect(Collectors.toSet());

  @Test
  void tokensGoOnlyWhereTheUserMeantAndTheOperatorAllowedThemToGo() {
    long seed = Fuzz.seed(getClass());
    Random random = new Random(seed);
    Map<String, Integer> outcomes = new TreeMap<>();
    EndpointPolicy policy =
        EndpointPolicy.from(
            RuntimeSettings.of(
                Map.of(RuntimeSettings.ALLOWED_ORIGINS.environmentVariable(), ALLOWED)));

    for (int i = 0, n = Fuzz.iterations(20_000); i < n; i++) {
      DataCenter dataCenter = Fuzz.pick(random, List.of(DataCenter.values()));
      ZohoEnvironment environment = Fuzz.pick(random, List.of(ZohoEnvironment.values()));
      ZohoAuthentication auth =
          random.nextBoolean()
              ? new RefreshTokenAuthentication("id", "secret", "refresh")
              : new AccessTokenAuthentication("token");
      boolean enabled = random.nextInt(4) > 0;
      String api = url(random);
      String accounts = url(random);
      String label =
          "seed "
              + seed
              + ", case "
              + i
              + ": enabled="
              + enabled
              + ", api=["
              + api
              + "], accounts=["
              + accounts
              + "]";

      ZohoEndpoints endpoints;
      try {
        endpoints =
            policy.resolve(
                dataCenter, environment, auth, new EndpointOverride(enabled, accounts, api));
      } catch (ConnectorInputException refused) {
        assertThat(enabled).as(label + ": only an override can be refused").isTrue();
        assertThat(refused.getMessage())
            .as(label)
            .containsAnyOf("endpoints.apiBaseUrl", "endpoints.accountsUrl");
        assertThat(refused.getMessage())
            .as(label + ": no credentials in the message")
            .doesNotContain("pass@");
        outcomes.merge(
            refused.getMessage().contains("does not allow")
                ? "refused: not allowed"
                : "refused: malformed",
            1,
            Integer::sum);
        continue;
      }
      outcomes.merge(enabled ? "override accepted" : "data center", 1, Integer::sum);
      if (!enabled) {
        assertThat(endpoints.apiBaseUrl()).as(label).isEqualTo(dataCenter.apiUrl(environment));
        assertThat(endpoints.accountsUrl()).as(label).isEqualTo(dataCenter.accountsUrl());
      } else {
        assertSafeAndAllowed(label, endpoints.apiBaseUrl());
        if (auth instanceof RefreshTokenAuthentication) {
          assertSafeAndAllowed(label, endpoints.accountsUrl());
        }
      }

      // The api_domain of a token answer: followed only for the data center of a Zoho API host.
      URI tokenDomain;
      try {
        tokenDomain = URI.create(url(random).trim());
      } catch (IllegalArgumentException unusable) {
        continue; // the token client drops an api_domain that is not a URI
      }
      URI target = endpoints.apiBaseFor(tokenDomain);
      URI cancel = target.resolve("/crm/v7/Events/4876876000001563018/actions/cancel");
      assertThat(cancel.getHost())
          .as(label + " with api_domain " + tokenDomain)
          .isEqualTo(target.getHost());
      if (enabled) {
        assertThat(target).as(label).isEqualTo(endpoints.apiBaseUrl());
      } else {
        assertThat(Stream.of(DataCenter.values()).map(dc -> dc.apiUrl(environment)))
            .as(label + " sent to " + target + ": an API host of the chosen environment")
            .contains(target);
      }
    }
    System.out.println("Endpoint policy fuzz, seed " + seed + ": " + outcomes);
    assertThat(outcomes)
        .containsKeys(
            "refused: not allowed", "refused: malformed", "override accepted", "data center");
  }

  private static void assertSafeAndAllowed(String label, URI base) {
    String scheme = base.getScheme();
    assertThat(scheme).as(label).isIn("https", "http");
    assertThat(base.getHost()).as(label).isNotBlank();
    String host = base.getHost().toLowerCase();
    if (scheme.equals("http")) {
      assertThat(isLoopback(host))
          .as(label + ": plain http only on loopback, got " + base)
          .isTrue();
    }
    assertThat(base.getRawUserInfo()).as(label).isNull();
    assertThat(base.getRawQuery()).as(label).isNull();
    assertThat(base.getRawFragment()).as(label).isNull();
    assertThat(base.getRawPath()).as(label).isIn(null, "", "/");
    String origin = scheme + "://" + host;
    int port = base.getPort() != -1 ? base.getPort() : scheme.equals("https") ? 443 : 80;
    boolean zoho = scheme.equals("https") && ZOHO_HOSTS.contains(host);
    boolean allowed =
        ALLOWED_ANY_PORT.contains(origin) || ALLOWED_WITH_PORT.contains(origin + ":" + port);
    assertThat(zoho || allowed).as(label + ": " + base + " is neither Zoho's nor allowed").isTrue();
  }

  /** The oracle's own reading of loopback: the literal names only, never DNS. */
  private static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.equals("[::1]")) {
      return true;
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String url(Random random) {
    String url = Fuzz.pick(random, SCHEMES) + Fuzz.pick(random, HOSTS) + Fuzz.pick(random, TAILS);
    if (random.nextInt(6) == 0) {
      url = "https://user:pass@" + Fuzz.pick(random, HOSTS);
    }
    if (random.nextInt(8) == 0) {
      url = Fuzz.mutate(random, url);
    }
    return random.nextInt(10) == 0 ? " " + url + " " : url;
  }
}
