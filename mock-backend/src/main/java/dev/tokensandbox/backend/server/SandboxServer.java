package dev.tokensandbox.backend.server;

import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.internal.admin.LocalAdmin;
import dev.tokensandbox.backend.internal.admin.SandboxApi;
import dev.tokensandbox.backend.internal.customer.AgoraRoutes;
import dev.tokensandbox.backend.internal.customer.CustomerAuth;
import dev.tokensandbox.backend.internal.customer.GinRoutes;
import dev.tokensandbox.backend.internal.customer.ProviderClient;
import dev.tokensandbox.backend.internal.customer.ProviderFlows;
import dev.tokensandbox.backend.internal.faults.FaultInjector;
import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.BodyReader;
import dev.tokensandbox.backend.internal.http.ErrorMapping;
import dev.tokensandbox.backend.internal.http.HeaderDeadline;
import dev.tokensandbox.backend.internal.http.HostCheck;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.JettyErrors;
import dev.tokensandbox.backend.internal.http.OriginCheck;
import dev.tokensandbox.backend.internal.http.PairingCheck;
import dev.tokensandbox.backend.internal.http.PoolGuard;
import dev.tokensandbox.backend.internal.http.Routes;
import dev.tokensandbox.backend.internal.http.ServerSettings;
import dev.tokensandbox.backend.internal.mint.TokenMint;
import dev.tokensandbox.backend.internal.provider.ChatSdkProvider;
import dev.tokensandbox.backend.internal.provider.RingnityProvider;
import dev.tokensandbox.backend.internal.provider.RtcProvider;
import dev.tokensandbox.backend.traffic.Redactor;
import dev.tokensandbox.backend.traffic.TrafficJournal;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.protocol.Route;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The embeddable mock backend: the four seed flows, customer auth, provider mocks, faults, traffic
 * journal and the sandbox API on one Javalin server. Start it in-process (the desktop, tests) or
 * headless ({@code token-sandbox serve}).
 *
 * <pre>{@code
 * try (SandboxServer server = SandboxServer.builder().workspace(ws).port(0).start()) {
 *   String url = server.url();   // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
  /** Largest request body accepted; bigger ones are refused with 413 before they are read. */
  public static final long MAX_REQUEST_BYTES = Http.MAX_REQUEST_BYTES;

  private static final int RESPONSE_COPY_BUFFER = 4 * 1024;

  private final Builder config;
  private final Javalin app;
  private final TrafficJournal journal;
  private final FaultInjector faults = new FaultInjector();
  private final ServerSettings settings;
  private final TokenMint mint;
  private final ProviderClient providerClient = new ProviderClient(Duration.ofSeconds(5));
  private final ExecutorService faultExecutor =
      Executors.newCachedThreadPool(daemon("sandbox-faults"));
  // Journal and device listeners (the SSE stream, the desktop) run here, never on a request
  // thread; one thread per listener that is busy, so a stalled reader holds only its own.
  private final ExecutorService events = Executors.newCachedThreadPool(daemon("sandbox-events"));
  // Header deadlines and the pool guard run here.
  private final java.util.concurrent.ScheduledExecutorService watch =
      Executors.newSingleThreadScheduledExecutor(daemon("sandbox-watch"));
  private final org.eclipse.jetty.util.thread.QueuedThreadPool pool;
  private final java.util.concurrent.atomic.LongAdder finished =
      new java.util.concurrent.atomic.LongAdder();
  private PoolGuard poolGuard;
  private final Redactor redactor = new Redactor();
  private final dev.tokensandbox.backend.traffic.RevealStore reveals;
  private final ChatSdkProvider chatSdk;
  private final PairingCheck pairing;
  private final dev.tokensandbox.backend.internal.devices.DeviceRegistry devices;
  private volatile org.eclipse.jetty.server.ServerConnector connector;
  private final dev.tokensandbox.backend.internal.http.ConnectionCap connections;
  private final CustomerAuth auth;
  private final HostCheck hostCheck;
  private final LocalAdmin admin;

  private SandboxServer(Builder config) {
    this.config = config;
    this.connections =
        new dev.tokensandbox.backend.internal.http.ConnectionCap(config.maxConnections);
    this.journal = new TrafficJournal(config.journalCapacity, events);
    this.reveals = new dev.tokensandbox.backend.traffic.RevealStore(config.journalCapacity);
    this.devices =
        new dev.tokensandbox.backend.internal.devices.DeviceRegistry(config.time, redactor, events);
    this.settings =
        new ServerSettings(
            config.demoMode,
            config.demoUsers != null ? config.demoUsers : config.host.equals("127.0.0.1"));
    this.mint = new TokenMint(config.workspace, config.time, config.random, redactor::redact);
    config.workspace.secrets().forEach(redactor::addSecret);
    CustomerAuth auth = new CustomerAuth(settings, config.time, config.random, config.maxSessions);
    this.auth = auth;
    JournalRecorder recorder =
        new JournalRecorder(journal, reveals, redactor, config.time, config.log);
    this.hostCheck = HostCheck.forMode(!config.host.equals("127.0.0.1"), config.allowedHosts);
    // Starts with config.threads; PoolGuard lets it grow to MAX_THREADS when requests starve.
    this.pool =
        new org.eclipse.jetty.util.thread.QueuedThreadPool(
            config.threads, MIN_THREADS, 60_000, 0, null, null);
    this.app =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              // config.threads while requests flow, more while they starve (PoolGuard);
              // nothing holds a worker while it waits on another service (customer → provider
              // calls and latency faults are asynchronous). No reserved threads: Jetty's hand-over
              // of the selector to a reserved thread made p99 several times worse on one core
              // (docs/benchmarks.md).
              c.jetty.threadPool = pool;
              // One acceptor and one selector on any machine (Jetty would lease up to 4 of each on
              // many cores, and a pool of MIN_THREADS would then refuse to start): the rest of
              // the pool serves requests.
              c.jetty.addConnector(
                  (server, http) -> {
                    var connector =
                        new org.eclipse.jetty.server.ServerConnector(
                            server, 1, 1, new JettyErrors.ConnectionFactory(http, connections));
                    connector.setHost(config.host);
                    connector.setPort(config.port);
                    connector.setIdleTimeout(config.idleTimeout.toMillis());
                    this.connector = connector;
                    return connector;
                  });
              c.http.maxRequestSize = MAX_REQUEST_BYTES;
              // Requests Jetty refuses itself are answered in the sandbox's JSON shape too.
              c.jetty.modifyServer(
                  server -> server.setErrorHandler(new JettyErrors.JsonErrorHandler()));
              // Bodies are read whole, without a thread, before any route runs (BodyReader).
              c.jetty.modifyServletContextHandler(
                  handler -> {
                    handler.addFilter(
                        new org.eclipse.jetty.servlet.FilterHolder(hostCheck),
                        "/*",
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
                    handler.addFilter(
                        new org.eclipse.jetty.servlet.FilterHolder(
                            new BodyReader(MAX_REQUEST_BYTES, config.requestDeadline)),
                        "/*",
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
                  });
              // Javalin copies each result through a buffer of this size, allocated per response
              // (32 KB by default); the sandbox's answers are mostly well under 4 KB.
              c.http.responseBufferSize = RESPONSE_COPY_BUFFER;
              c.jsonMapper(new JavalinJackson(Http.JSON, false));
              c.requestLogger.http(
                  (ctx, millis) -> {
                    finished.increment();
                    recorder.record(ctx, millis);
                  });
              c.requestLogger.ws(recorder::websocket);
              if (!config.corsOrigins.isEmpty()) {
                // The app-facing routes only: the admin API (/sandbox/*) is covered only when the
                // user asks for it, so a page allowed to fetch tokens cannot also drive the
                // sandbox.
                List<String> paths = new java.util.ArrayList<>(CORS_PATHS);
                if (config.corsAdmin) {
                  paths.add("/sandbox/*");
                }
                c.bundledPlugins.enableCors(
                    cors ->
                        paths.forEach(
                            path ->
                                cors.addRule(
                                    rule -> {
                                      rule.path = path;
                                      config.corsOrigins.forEach(rule::allowHost);
                                    })));
              }
            });

    this.pairing =
        config.host.equals("127.0.0.1") || PAIRING_OFF.equals(config.pairingCode)
            ? null
            : new PairingCheck(
                config.random, System::nanoTime, Clock.systemUTC(), config.pairingCode);
    if (pairing != null) {
      redactor.addSecret(pairing.secret());
    }
    OriginCheck origins = new OriginCheck(config.corsOrigins);
    app.before(
        ctx -> {
          String origin = ctx.header("Origin");
          if (OriginCheck.changesState(ctx.method().name())
              && !origins.allows(origin, ctx.header("Host"))) {
            throw new ApiError(
                403,
                "forbidden_origin",
                "Origin",
                "a web page of another site ("
                    + (origin.length() > 60 ? origin.substring(0, 60) + "…" : origin)
                    + ") may not change the sandbox: run serve --cors ORIGIN to allow it");
          }
        });
    if (pairing != null) {
      app.before("/sandbox/*", pairing::check);
    }
    Routes routes = new Routes(app, faults, faultExecutor);
    ErrorMapping.install(app, routes);
    new AgoraRoutes(mint, auth).register(routes);
    new GinRoutes(mint, auth, settings).register(routes);
    routes.add(Route.AUTH_LOGIN, auth::login);
    routes.add(Route.AUTH_LOGOUT, auth::logout);
    new ProviderFlows(
            auth,
            providerClient,
            config.workspace,
            this::providerBaseUrl,
            this::providerBaseUrl,
            config.time)
        .register(routes);
    new RingnityProvider(mint, config.workspace.ringnityApiKey()).register(routes);
    this.chatSdk =
        new ChatSdkProvider(
            mint,
            config.workspace.chatsdkApiKey(),
            config.workspace.chatsdkJwtSecret(),
            config.time);
    chatSdk.register(routes, app);
    new RtcProvider(config.workspace.agoraCredentials(), config.time).register(routes);
    this.admin =
        new LocalAdmin(
            config.workspace, settings, faults, config.time, journal, reveals, mint, devices);
    new SandboxApi(admin, this::endpoints, config.journalAnswerBytes).register(routes, app);
    new dev.tokensandbox.backend.internal.devices.DeviceChannel(devices, pairing, origins)
        .register(routes, app);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How many ChatSDK users the provider mock keeps (at most {@code ChatSdkProvider.MAX_USERS}). */
  int chatSdkUsers() {
    return chatSdk.userCount();
  }

  /** The pairing code that turns LAN mode's pairing gate off. */
  public static final String PAIRING_OFF = "off";

  /** The port asked for is taken by another process. */
  public static final class PortInUseException extends RuntimeException {
    private final int port;

    PortInUseException(int port, Throwable cause) {
      super("port " + port + " is in use", cause);
      this.port = port;
    }

    public int port() {
      return port;
    }
  }

  private SandboxServer start() {
    try {
      app.start(); // host and port are the connector's (see the constructor)
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.net.BindException
            || t.getClass().getSimpleName().equals("JavalinBindException")) {
          close();
          throw new PortInUseException(config.port, e);
        }
      }
      throw e;
    }
    new HeaderDeadline(connector, config.requestDeadline, watch);
    poolGuard = new PoolGuard(pool, config.threads, MAX_THREADS, finished::sum, config.log);
    watch.scheduleAtFixedRate(
        poolGuard::check,
        PoolGuard.PERIOD_MILLIS,
        PoolGuard.PERIOD_MILLIS,
        java.util.concurrent.TimeUnit.MILLISECONDS);
    return this;
  }

  public int port() {
    return app.port();
  }

  // Read by this package's tests only: not part of the server's API (mock-backend/api/).

  /** Connections open now, and refused over the connection caps since the start. */
  record ConnectionCount(int open, int refused) {}

  ConnectionCount connections() {
    return new ConnectionCount(connections.open(), connections.refused());
  }

  /** The most threads the running server's pool may use. */
  public int threads() {
    return config.threads; // the pool is built from it in the constructor
  }

  /**
   * Closes every keep-alive connection that waits for its next request, as the idle timeout would
   * (connections in the middle of a request are left alone): for tests of clients that must survive
   * it ({@code ServerTesting} in the test jar). Returns how many were closed.
   */
  int closeIdleConnections() {
    int closed = 0;
    var current = connector;
    if (current == null) {
      return 0;
    }
    for (var endPoint : current.getConnectedEndPoints()) {
      if (endPoint.getConnection() instanceof org.eclipse.jetty.server.HttpConnection http
          && http.getParser().isStart()
          && http.getHttpChannel().getState().isIdle()) {
        endPoint.close();
        closed++;
      }
    }
    return closed;
  }

  /** The base URL on the loopback interface, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** Where the provider mocks live; usable as a user's {@code RINGNITY_API_BASE_URL}. */
  public String providerBaseUrl() {
    return config.providerBaseUrl != null ? config.providerBaseUrl : url();
  }

  /**
   * The code a device on the LAN must send ({@code X-Pairing-Code}) to use the sandbox API; empty
   * when the server listens on loopback only.
   */
  public java.util.Optional<String> pairingCode() {
    return pairing().map(Pairing::code);
  }

  /** LAN mode's pairing gate (its code, secret and lock); empty on loopback only. */
  public java.util.Optional<Pairing> pairing() {
    return java.util.Optional.ofNullable(pairing).map(Pairing::new);
  }

  /**
   * The one way to administer this sandbox: settings, faults, clock, journal, reveal, devices and
   * their commands, the masked workspace, the issued-token history.
   */
  public SandboxAdmin admin() {
    return admin;
  }

  /** Customer sessions held now (at most the builder's {@code maxSessions}). */
  int customerSessions() {
    return auth.sessionCount();
  }

  /** The registry itself, for tests that play a device's side without a socket. */
  dev.tokensandbox.backend.internal.devices.DeviceRegistry deviceRegistry() {
    return devices;
  }

  /** Listeners the journal skipped entries for because they fell behind (the SSE stream's gaps). */
  long journalSkippedByListeners() {
    return journal.skippedByListeners();
  }

  private Map<String, Object> endpoints() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("url", url());
    out.put("providerBaseUrl", providerBaseUrl());
    out.put("boundTo", config.host);
    out.put("demoMode", settings.demoMode());
    out.put("demoUsers", settings.demoUsers());
    return out;
  }

  @Override
  public void close() {
    watch.shutdownNow();
    app.stop();
    providerClient.close();
    faultExecutor.shutdownNow();
    events.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The routes a {@code --cors} origin may call: every route but the admin API. */
  static final List<String> CORS_PATHS = corsPaths();

  /** From the route table: each non-admin HTTP route's first segment (or the route itself). */
  private static List<String> corsPaths() {
    java.util.Set<String> paths = new java.util.LinkedHashSet<>();
    for (Route route : Route.values()) {
      if (route.id().startsWith("sandbox.") || route.isWebSocket()) {
        continue;
      }
      String[] segments = route.path().split("/");
      paths.add(segments.length > 2 ? "/" + segments[1] + "/*" : route.path());
    }
    return List.copyOf(paths);
  }

  /**
   * The fewest threads the server can run with: one accepts connections, one selects, one runs
   * requests (whatever the core count: the connector keeps to one acceptor and one selector). On
   * one core that is also the best setting: a single request thread serves the requests in the
   * order they arrive, where two take turns on the core and the p99 at 32 connections spreads
   * (docs/benchmarks.md).
   */
  public static final int MIN_THREADS = 3;

  /**
   * How long a keep-alive connection may wait for its next request before the server closes it.
   * Three times the project's clients' keep-alive ({@code BackendClient.KEEP_ALIVE}, 20 s): a
   * client drops an idle connection well before the server would, so the two never race to use and
   * close the same connection (docs/decisions/0006-keep-alive-and-idle-timeout.md).
   */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Time a client has to send a request's line and headers, and then its body: generous for a phone
   * on poor Wi-Fi (64 KiB in 10 s is 6.4 KB/s), short enough that trickling clients cannot pile up.
   */
  public static final Duration REQUEST_DEADLINE = Duration.ofSeconds(10);

  /**
   * The most threads the pool may grow to when requests starve ({@link PoolGuard}): Jetty's own
   * default maximum. Bodies are read without a thread, listeners and WebSocket sends never block a
   * request, provider calls and latency faults wait without one; what can still hold a request
   * thread is something the sandbox does not control, such as a client that stops reading a large
   * answer (until the idle timeout). Then the guard adds threads, so the others are served.
   */
  public static final int MAX_THREADS = 200;

  /**
   * The threads the pool runs with while requests flow: two per core, at least {@link
   * #MIN_THREADS}. Few threads serve requests in arrival order and keep the tail latency low (on
   * one core: one request thread, docs/benchmarks.md); the guard grows the pool when they starve.
   */
  public static int defaultThreads() {
    return Math.max(MIN_THREADS, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** How many times the pool grew because requests were starving (see {@link #MAX_THREADS}). */
  int poolGrowths() {
    return poolGuard == null ? 0 : poolGuard.growths();
  }

  /** Configures and starts a {@link SandboxServer}. */
  public static final class Builder {
    private Workspace workspace;
    private SandboxTime time = new SandboxTime(Clock.systemUTC());
    private RandomGenerator random = new java.security.SecureRandom();
    private String host = "127.0.0.1";
    private int port = 0;
    private boolean demoMode = true;
    private Boolean demoUsers;
    private String pairingCode;
    private int journalCapacity = TrafficJournal.DEFAULT_CAPACITY;
    private int journalAnswerBytes = SandboxApi.MAX_JOURNAL_ANSWER_BYTES;
    private int threads = defaultThreads();
    private String providerBaseUrl;
    private List<String> corsOrigins = List.of();
    private boolean corsAdmin;
    private List<String> allowedHosts = List.of();
    private Consumer<String> log = line -> {};
    private Duration idleTimeout = IDLE_TIMEOUT;
    private Duration requestDeadline = REQUEST_DEADLINE;
    private int maxSessions = CustomerAuth.MAX_SESSIONS;
    private int maxConnections = dev.tokensandbox.backend.internal.http.ConnectionCap.DEFAULT_MAX;

    private Builder() {}

    /**
     * Connections open at once, at most (default {@link
     * dev.tokensandbox.backend.internal.http.ConnectionCap#DEFAULT_MAX}); beyond it a connection is
     * answered 503 and closed.
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException(
            "maxConnections: must be positive, got " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * How long a client may take to send a request's headers, and separately its body, before it is
     * answered 408 (default {@link #REQUEST_DEADLINE}).
     */
    public Builder requestDeadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("requestDeadline: must be positive, got " + deadline);
      }
      this.requestDeadline = deadline;
      return this;
    }

    /** Most customer sessions kept (default {@link CustomerAuth#MAX_SESSIONS}); oldest go first. */
    public Builder maxSessions(int maxSessions) {
      this.maxSessions = maxSessions;
      return this;
    }

    /** How long an idle keep-alive connection stays open (default {@link #IDLE_TIMEOUT}). */
    public Builder idleTimeout(Duration idleTimeout) {
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout: must be positive, got " + idleTimeout);
      }
      this.idleTimeout = idleTimeout;
      return this;
    }

    public Builder workspace(Workspace workspace) {
      this.workspace = workspace;
      return this;
    }

    public Builder time(SandboxTime time) {
      this.time = time;
      return this;
    }

    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    /** Port to bind; 0 picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port: must be 0 (any free port) to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Bind all interfaces (for a phone on the LAN) instead of 127.0.0.1; turns demo mode off. */
    public Builder lan(boolean lan) {
      this.host = lan ? "0.0.0.0" : "127.0.0.1";
      if (lan) {
        this.demoMode = false;
      }
      return this;
    }

    /**
     * LAN mode's pairing code: 6 digits to fix it, {@code "off"} for no pairing gate at all (a CI
     * network you control), null for a random one (the default).
     */
    public Builder pairingCode(String code) {
      if (code != null && !PAIRING_OFF.equals(code) && !code.matches("\\d{6}")) {
        throw new IllegalArgumentException("pairing code must be 6 digits or \"off\"");
      }
      this.pairingCode = code;
      return this;
    }

    public Builder demoMode(boolean demoMode) {
      this.demoMode = demoMode;
      return this;
    }

    /**
     * Whether the documented demo users may log in (default: yes on loopback, no on the LAN, where
     * anyone on the Wi-Fi knows their passwords from the README).
     */
    public Builder demoUsers(boolean demoUsers) {
      this.demoUsers = demoUsers;
      return this;
    }

    /**
     * Threads the pool runs with while requests flow, the acceptor and selector included (default
     * {@link #defaultThreads()}, at least {@link #MIN_THREADS}); it grows beyond them, up to {@link
     * #MAX_THREADS}, only while requests starve.
     */
    public Builder threads(int threads) {
      if (threads < MIN_THREADS) {
        throw new IllegalArgumentException(
            "threads: must be at least "
                + MIN_THREADS
                + " (Jetty keeps some for accepting and selecting), got "
                + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The byte budget of one journal answer (default 1 MiB; the newest entries that fit). */
    public Builder journalAnswerBytes(int bytes) {
      this.journalAnswerBytes = bytes;
      return this;
    }

    public Builder journalCapacity(int capacity) {
      this.journalCapacity = capacity;
      return this;
    }

    /** Send the customer routes' provider calls elsewhere (default: this server's own mocks). */
    public Builder providerBaseUrl(String url) {
      this.providerBaseUrl = url;
      return this;
    }

    public Builder corsOrigins(List<String> origins) {
      this.corsOrigins = List.copyOf(origins);
      return this;
    }

    /**
     * More names the sandbox answers to (a DNS name pointing at this machine, a reverse proxy's),
     * besides localhost, the loopback addresses and, in LAN mode, this machine's addresses.
     */
    public Builder allowedHosts(List<String> names) {
      for (String name : names) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains(" ")) {
          throw new IllegalArgumentException("allow-host: not a host name: " + name);
        }
      }
      this.allowedHosts = List.copyOf(names);
      return this;
    }

    /** Let the {@link #corsOrigins} call the admin API ({@code /sandbox/*}) too; off by default. */
    public Builder corsAdmin(boolean corsAdmin) {
      this.corsAdmin = corsAdmin;
      return this;
    }

    /** Receives one redacted line per request. */
    public Builder log(Consumer<String> log) {
      this.log = log;
      return this;
    }

    public SandboxServer start() {
      Objects.requireNonNull(workspace, "workspace");
      return new SandboxServer(this).start();
    }
  }
}
