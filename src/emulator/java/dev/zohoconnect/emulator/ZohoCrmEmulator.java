package dev.zohoconnect.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.zohoconnect.emulator.crm.CrmUser;
import dev.zohoconnect.emulator.crm.MailQuota;
import dev.zohoconnect.emulator.crm.Meeting;
import dev.zohoconnect.emulator.crm.MeetingJson;
import dev.zohoconnect.emulator.crm.MeetingOwner;
import dev.zohoconnect.emulator.crm.MeetingStore;
import dev.zohoconnect.emulator.crm.Participant;
import dev.zohoconnect.emulator.crm.UserDirectory;
import dev.zohoconnect.emulator.fault.FaultInjector;
import dev.zohoconnect.emulator.oauth.Scopes;
import dev.zohoconnect.emulator.oauth.TokenService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Zoho CRM and its accounts server, covering what the cancel-meeting connector
 * touches: {@code POST /oauth/v2/token}, {@code GET /crm/{v7|v8}/Events/{id}} and {@code POST
 * /crm/{v7|v8}/Events/{id}/actions/cancel}, with Zoho's error bodies, token quirks and org limits.
 *
 * <p>Listens on the loopback interface only. It starts with one org user ({@link #DEFAULT_USER_ID},
 * allowed to edit meetings, 50 mails a day), one client ({@link #DEFAULT_CLIENT_ID}/{@link
 * #DEFAULT_CLIENT_SECRET}) and one refresh token ({@link #DEFAULT_REFRESH_TOKEN}, scope {@code
 * ZohoCRM.Modules.ALL}) for that user; no meetings.
 */
public final class ZohoCrmEmulator implements AutoCloseable {

  public static final String DEFAULT_USER_ID = "4876876000000225001";
  public static final String DEFAULT_USER_NAME = "Emulator Admin";
  public static final String DEFAULT_USER_EMAIL = "admin@emulator.example";
  public static final String DEFAULT_CLIENT_ID = "1000.EMULATOR0CLIENT0ID";
  public static final String DEFAULT_CLIENT_SECRET = "emulator-client-secret";
  public static final String DEFAULT_REFRESH_TOKEN = "1000.emulator.refresh-token";

  private static final String LOOPBACK = "127.0.0.1";

  private final EmulatorClock clock = new EmulatorClock();
  private final EmulatorSettings settings = new EmulatorSettings();
  private final EmulatorCounters counters = new EmulatorCounters();
  private final MeetingStore meetings = new MeetingStore();
  private final UserDirectory users = new UserDirectory();
  private final MailQuota mailQuota = new MailQuota();
  private final FaultInjector faults = new FaultInjector();
  private final TokenService tokens = new TokenService(clock);
  private final MeetingJson meetingJson = new MeetingJson(Json.MAPPER);
  private final ExecutorService executor;
  private final HttpServer server;

  private ZohoCrmEmulator(int port) throws IOException {
    registerDefaults();
    // Unbounded threads: every request must really run at once, or the org's concurrency limit
    // could never
    // be exceeded, and a slow (latency-injected) answer must not hold up the others.
    executor = Executors.newCachedThreadPool(daemonThreads());
    // 127.0.0.1 explicitly, not "the loopback address", which may be ::1 and would not match
    // baseUrl().
    server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 256);
    server.setExecutor(executor);
    OrgLimits limits = new OrgLimits(settings, clock, counters);
    server.createContext(
        "/", new RequestDispatcher(handlers(), limits, faults, settings, counters));
    server.start();
  }

  /** Starts on an ephemeral port. */
  public static ZohoCrmEmulator start() {
    return start(0);
  }

  /** Starts on the given port, 0 for an ephemeral one. */
  public static ZohoCrmEmulator start(int port) {
    try {
      return new ZohoCrmEmulator(port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the Zoho CRM emulator on port " + port, e);
    }
  }

  /**
   * Runs the emulator until the JVM is stopped; see {@link EmulatorCommandLine} for the options.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    EmulatorCommandLine options = EmulatorCommandLine.parse(args);
    if (options.help()) {
      System.out.println(EmulatorCommandLine.USAGE);
      return;
    }
    ZohoCrmEmulator emulator = start(options.port());
    if (options.seed().isPresent()) {
      emulator.seed(options.seed().get());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
    System.out.println(emulator.describe());
    new CountDownLatch(1).await();
  }

  public String baseUrl() {
    return "http://" + LOOPBACK + ":" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public MeetingStore meetings() {
    return meetings;
  }

  public UserDirectory users() {
    return users;
  }

  public TokenService tokens() {
    return tokens;
  }

  public MailQuota mailQuota() {
    return mailQuota;
  }

  public EmulatorClock clock() {
    return clock;
  }

  public EmulatorSettings settings() {
    return settings;
  }

  public FaultInjector faults() {
    return faults;
  }

  public EmulatorCounters counters() {
    return counters;
  }

  /** Mints an access token for a registered user, bypassing the token endpoint. */
  public String issueAccessToken(String userId, String... scopes) {
    users.get(userId);
    return tokens.issueAccessToken(userId, List.of(scopes)).value();
  }

  /** A token for the default user with {@code ZohoCRM.Modules.ALL}. */
  public String issueAccessToken() {
    return issueAccessToken(DEFAULT_USER_ID, Scopes.MODULES_ALL);
  }

  /**
   * A meeting that can be cancelled right now: starting tomorrow (emulator clock) for an hour, one
   * invited contact, owned by the default user. Adjust it, then {@code
   * meetings().put(builder.build())}.
   */
  public Meeting.Builder upcomingMeeting(String id) {
    Instant tomorrow = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
    return Meeting.builder(id)
        .start(tomorrow.atOffset(ZoneOffset.UTC))
        .lasting(Duration.ofHours(1))
        .participant(
            Participant.invitedContact(
                "4876876000000624001", "Ted Watson", "ted.watson@example.com"))
        .owner(MeetingOwner.of(users.get(DEFAULT_USER_ID)));
  }

  /**
   * Adds the meetings of a seed file shaped like Zoho's list answer: {@code
   * {"data":[...records...]}}.
   */
  public ZohoCrmEmulator seed(Path file) throws IOException {
    meetings.putAll(meetingJson.readSeed(file));
    return this;
  }

  public ZohoCrmEmulator seed(InputStream in) throws IOException {
    meetings.putAll(meetingJson.readSeed(in));
    return this;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  String describe() {
    return """
                Zoho CRM emulator listening on %1$s
                  accounts URL / api_domain : %1$s
                  client_id                 : %2$s
                  client_secret             : %3$s
                  refresh_token             : %4$s  (user %5$s, scope %6$s)
                  access_token (1 h)        : %7$s
                  meetings                  : %8$s
                A connector runtime calls it only when its operator allows the origin:
                  ZOHO_CONNECTOR_ALLOWED_ORIGINS=http://127.0.0.1  (or -Dzoho.connector.allowed-origins=...)
                Try:
                  curl -X POST "%1$s/oauth/v2/token?grant_type=refresh_token&client_id=%2$s&client_secret=%3$s&refresh_token=%4$s"
                  curl -H "Authorization: Zoho-oauthtoken %7$s" %1$s/crm/v7/Events/<id>
                  curl -X POST -H "Authorization: Zoho-oauthtoken %7$s" -d '{"data":[{"send_cancelling_mail":false}]}' %1$s/crm/v7/Events/<id>/actions/cancel
                """
        .formatted(
            baseUrl(),
            DEFAULT_CLIENT_ID,
            DEFAULT_CLIENT_SECRET,
            DEFAULT_REFRESH_TOKEN,
            DEFAULT_USER_ID,
            Scopes.MODULES_ALL,
            issueAccessToken(),
            meetings.all().stream().map(Meeting::id).toList());
  }

  private void registerDefaults() {
    users.put(CrmUser.of(DEFAULT_USER_ID, DEFAULT_USER_NAME, DEFAULT_USER_EMAIL));
    tokens.registerClient(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    tokens.registerRefreshToken(
        DEFAULT_REFRESH_TOKEN, DEFAULT_CLIENT_ID, DEFAULT_USER_ID, List.of(Scopes.MODULES_ALL));
  }

  private Map<Endpoint, EndpointHandler> handlers() {
    ApiAuthenticator authenticator = new ApiAuthenticator(tokens, users);
    Map<Endpoint, EndpointHandler> handlers = new EnumMap<>(Endpoint.class);
    handlers.put(Endpoint.TOKEN, new TokenEndpoint(tokens, this::apiDomain, counters));
    handlers.put(Endpoint.GET_EVENT, new GetEventEndpoint(authenticator, meetings, meetingJson));
    handlers.put(
        Endpoint.CANCEL_EVENT,
        new CancelEventEndpoint(authenticator, meetings, mailQuota, clock, settings, counters));
    return handlers;
  }

  private String apiDomain() {
    String configured = settings.apiDomain();
    return configured != null ? configured : baseUrl();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "zoho-crm-emulator-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
