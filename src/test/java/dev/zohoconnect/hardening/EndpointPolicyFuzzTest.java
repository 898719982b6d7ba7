package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.auth.AccessTokenAuthentication;
import dev.zohoconnect.cancelmeeting.auth.DataCenter;
import dev.zohoconnect.cancelmeeting.auth.RefreshTokenAuthentication;
import dev.zohoconnect.cancelmeeting.auth.ZohoAuthentication;
import dev.zohoconnect.cancelmeeting.client.EndpointPolicy;
import dev.zohoconnect.cancelmeeting.client.ZohoEndpoints;
import dev.zohoconnect.cancelmeeting.model.EndpointOverride;
import io.camunda.connector.api.error.ConnectorInputException;
import java.net.InetAddress;
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
 * Property: a token goes only where the user meant it to go. Without the override, to the data
 * center's hosts, or to the host a token answer names if it is one of Zoho's; with it, to a base
 * URL that is https (plain http only on a loopback address), carries no credentials, query,
 * fragment or path, and whose host every cancel URL keeps. Anything else is an input error naming
 * the field.
 */
class EndpointPolicyFuzzTest {

  private static final List<String> SCHEMES =
      List.of("https://", "http://", "HTTPS://", "ftp://", "javascript:", "", "//", "https:/", "https:///");
  private static final List<String> HOSTS =
      List.of(
          "www.zohoapis.com", "sandbox.zohoapis.eu", "developer.zohoapis.in", "localhost", "LOCALHOST",
          "127.0.0.1", "127.1", "[::1]", "[::ffff:127.0.0.1]", "10.0.0.5", "0.0.0.0", "2130706433",
          "0x7f000001", "evil.example", "zohoapis.com.evil.example", "www.zohoapis.com.evil.example",
          "localhost.evil.example", "127.0.0.1.nip.io", "www.zohoapis.com@evil.example", "", "%65vil.example",
          "evil.example#www.zohoapis.com", "evil.example\\www.zohoapis.com", "éxample.com");
  private static final List<String> TAILS =
      List.of("", "/", ":443", ":8080", ":8080/", ":99999", ":-1", "/crm/v7", "/%2e%2e", "//x", "?x=1", "#f",
          "/?", " ", "\t", "/..", ";x", "@evil.example");
  private static final Set<String> ZOHO_API_HOSTS =
      Stream.of(DataCenter.values())
          .flatMap(dc -> {
            String bare = dc.apiDomain().getHost().substring("www.".length());
            return Stream.of("www." + bare, "sandbox." + bare, "developer." + bare);
          })
          .collect(Collectors.toSet());

  @Test
  void tokensGoOnlyWhereTheUserMeantThemToGo() throws Exception {
    long seed = Fuzz.seed(getClass());
    Random random = new Random(seed);
    Map<String, Integer> outcomes = new TreeMap<>();

    for (int i = 0, n = Fuzz.iterations(20_000); i < n; i++) {
      DataCenter dataCenter = Fuzz.pick(random, List.of(DataCenter.values()));
      ZohoAuthentication auth =
          random.nextBoolean()
              ? new RefreshTokenAuthentication("id", "secret", "refresh")
              : new AccessTokenAuthentication("token");
      boolean enabled = random.nextInt(4) > 0;
      String api = url(random);
      String accounts = url(random);
      String label = "seed " + seed + ", case " + i + ": enabled=" + enabled + ", api=[" + api + "], accounts=[" + accounts + "]";

      ZohoEndpoints endpoints;
      try {
        endpoints = EndpointPolicy.resolve(dataCenter, auth, new EndpointOverride(enabled, accounts, api));
      } catch (ConnectorInputException refused) {
        assertThat(enabled).as(label + ": only an override can be refused").isTrue();
        assertThat(refused.getMessage()).as(label).containsAnyOf("endpoints.apiBaseUrl", "endpoints.accountsUrl");
        outcomes.merge("refused", 1, Integer::sum);
        continue;
      }
      outcomes.merge(enabled ? "override accepted" : "data center", 1, Integer::sum);
      if (!enabled) {
        assertThat(endpoints.apiBaseUrl()).as(label).isEqualTo(dataCenter.apiDomain());
        assertThat(endpoints.accountsUrl()).as(label).isEqualTo(dataCenter.accountsUrl());
      } else {
        assertSafeBase(label, endpoints.apiBaseUrl());
        assertSafeBase(label, endpoints.accountsUrl());
      }

      // The api_domain of a token answer: honoured only when it is one of Zoho's own hosts.
      URI tokenDomain;
      try {
        tokenDomain = URI.create(url(random).trim());
      } catch (IllegalArgumentException unusable) {
        continue; // the token client drops an api_domain that is not a URI
      }
      URI target = endpoints.apiBaseFor(tokenDomain);
      URI cancel = target.resolve("/crm/v7/Events/4876876000001563018/actions/cancel");
      assertThat(cancel.getHost()).as(label + " with api_domain " + tokenDomain).isEqualTo(target.getHost());
      if (enabled) {
        assertThat(target).as(label).isEqualTo(endpoints.apiBaseUrl());
      } else if (!target.equals(dataCenter.apiDomain())) {
        assertThat(target.getScheme()).as(label).isEqualToIgnoringCase("https");
        assertThat(target.getRawUserInfo()).as(label).isNull();
        assertThat(ZOHO_API_HOSTS).as(label + " sent to " + target).contains(target.getHost().toLowerCase());
      }
    }
    System.out.println("Endpoint policy fuzz, seed " + seed + ": " + outcomes);
    assertThat(outcomes).containsKeys("refused", "override accepted", "data center");
  }

  private static void assertSafeBase(String label, URI base) throws Exception {
    String scheme = base.getScheme();
    assertThat(scheme).as(label).isIn("https", "http");
    if (scheme.equals("http")) {
      String host = base.getHost().replace("[", "").replace("]", "");
      assertThat(host.equalsIgnoreCase("localhost") || InetAddress.getByName(host).isLoopbackAddress())
          .as(label + ": plain http only on loopback, got " + base).isTrue();
    }
    assertThat(base.getRawUserInfo()).as(label).isNull();
    assertThat(base.getRawQuery()).as(label).isNull();
    assertThat(base.getRawFragment()).as(label).isNull();
    assertThat(base.getRawPath()).as(label).isIn(null, "", "/");
    assertThat(base.getHost()).as(label).isNotBlank();
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
