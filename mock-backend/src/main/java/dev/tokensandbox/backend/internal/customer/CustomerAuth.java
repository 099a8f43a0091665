package dev.tokensandbox.backend.internal.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.ServerSettings;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The mock customer backend's own login: demo users, {@code POST /auth/login} → a session bearer,
 * and the check every token route runs first. With demo mode on, an unauthenticated request is
 * served as the seeds' {@code requireCustomer} stub does: as the user named in its body.
 */
public final class CustomerAuth {
  public static final Duration SESSION_LIFETIME = Duration.ofHours(8);

  /** A session not used for this long ends, whatever its lifetime left. */
  public static final Duration SESSION_IDLE = Duration.ofMinutes(30);

  /** Demo users and their (documented, non-secret) demo passwords. */
  public static final Map<String, String> DEMO_PASSWORDS =
      Map.of("alice", "alice-demo", "customer", "customer-demo");

  private static final List<Customer> DEMO_USERS =
      List.of(
          new Customer(
              "user-123",
              "alice",
              "Alice Johnson",
              "alice@example.com",
              "https://example.com/alice.png"),
          new Customer("customer-123", "customer", "Demo Customer", "customer@example.com", null));

  private final ServerSettings settings;
  private final Clock clock;
  private final RandomGenerator random;

  /** Most sessions kept by default; the oldest is forgotten when a login would pass it. */
  public static final int MAX_SESSIONS = 10_000;

  private final int maxSessions;

  // Insertion order is login order: the eldest is evicted first, and expired ones are dropped from
  // the front as logins arrive, so a long-running sandbox holds at most MAX_SESSIONS.
  private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>();

  private static final class Session {
    final Customer customer;
    final Instant expiresAt;
    Instant lastUsed;

    Session(Customer customer, Instant expiresAt, Instant lastUsed) {
      this.customer = customer;
      this.expiresAt = expiresAt;
      this.lastUsed = lastUsed;
    }

    boolean liveAt(Instant now) {
      return now.isBefore(expiresAt) && now.isBefore(lastUsed.plus(SESSION_IDLE));
    }
  }

  public CustomerAuth(ServerSettings settings, Clock clock, RandomGenerator random) {
    this(settings, clock, random, MAX_SESSIONS);
  }

  public CustomerAuth(
      ServerSettings settings, Clock clock, RandomGenerator random, int maxSessions) {
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions: must be positive, got " + maxSessions);
    }
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.maxSessions = maxSessions;
  }

  /** Sessions held now (live, or expired and not yet dropped). */
  public int sessionCount() {
    synchronized (sessions) {
      return sessions.size();
    }
  }

  public static List<Customer> demoUsers() {
    return DEMO_USERS;
  }

  /** {@code POST /auth/login} with {@code {username, password}}. */
  public void login(Context ctx) {
    JsonNode body = Http.objectBody(ctx);
    String username = Http.text(body, "username", 64);
    String password = Http.text(body, "password", 128);
    if (username == null || username.isBlank()) {
      throw ApiError.badRequest("username", "is required");
    }
    if (password == null) {
      throw ApiError.badRequest("password", "is required");
    }
    if (!settings.demoUsers()) {
      throw new ApiError(
          403,
          "demo_users_off",
          "username",
          "demo users are off on the LAN (their passwords are public): turn on \"Demo logins on"
              + " the LAN\" on the desktop, run serve --demo-users, or PUT /sandbox/settings"
              + " {\"demoUsers\":true} from this machine");
    }
    String expected = DEMO_PASSWORDS.get(username);
    if (expected == null || !MessageDigest.isEqual(bytes(expected), bytes(password))) {
      throw new ApiError(401, "invalid_credentials", null, "unknown user or wrong password");
    }
    Customer customer =
        DEMO_USERS.stream().filter(c -> c.username().equals(username)).findFirst().orElseThrow();
    String bearer = newBearer();
    Instant expiresAt = clock.instant().plus(SESSION_LIFETIME);
    synchronized (sessions) {
      Instant now = clock.instant();
      var eldest = sessions.values().iterator();
      while (eldest.hasNext()) {
        Session first = eldest.next();
        if (first.liveAt(now) && sessions.size() < maxSessions) {
          break;
        }
        eldest.remove(); // expired, or the oldest of too many
      }
      sessions.put(bearer, new Session(customer, expiresAt, now));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sessionToken", bearer);
    out.put("tokenType", "Bearer");
    out.put("expiresIn", SESSION_LIFETIME.toSeconds());
    out.put("user", customer);
    Http.json(ctx, 200, out);
  }

  /**
   * {@code POST /auth/logout} with the session's bearer: the session ends at once. Answers {@code
   * {"loggedOut": true}}, or {@code false} when the bearer was not a live session.
   */
  public void logout(Context ctx) {
    String bearer = bearer(ctx);
    boolean ended;
    synchronized (sessions) {
      ended = bearer != null && sessions.remove(bearer) != null;
    }
    Http.json(ctx, 200, Map.of("loggedOut", ended));
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  /** The logged-in customer, if the request carries a live session bearer. */
  public Optional<Customer> session(Context ctx) {
    String bearer = bearer(ctx);
    if (bearer == null) {
      return Optional.empty();
    }
    synchronized (sessions) {
      Session session = sessions.get(bearer);
      if (session == null) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      if (!session.liveAt(now)) {
        sessions.remove(bearer);
        return Optional.empty();
      }
      session.lastUsed = now;
      return Optional.of(session.customer);
    }
  }

  /** A logged-in customer, always required (401 otherwise). */
  public Customer requireLogin(Context ctx) {
    return session(ctx)
        .orElseThrow(
            () ->
                ApiError.unauthorized(
                    "log in first: POST /auth/login, then send Authorization: Bearer <sessionToken>"));
  }

  /**
   * The customer for a token route: the session's, else (demo mode) the one the body names with the
   * seeds' defaults, else 401.
   */
  public Customer requireCustomer(Context ctx, JsonNode body) {
    Optional<Customer> session = session(ctx);
    if (session.isPresent()) {
      return session.get();
    }
    if (!settings.demoMode()) {
      throw ApiError.unauthorized(
          "log in first (demo mode is off): POST /auth/login, then send"
              + " Authorization: Bearer <sessionToken>");
    }
    String id = body == null ? null : Http.text(body, "userId", 255);
    String name = body == null ? null : Http.text(body, "name", 255);
    String email = body == null ? null : Http.text(body, "email", 255);
    return new Customer(
        blankTo(id, "customer-123"),
        null,
        blankTo(name, "Demo Customer"),
        blankTo(email, "customer@example.com"),
        null);
  }

  private String newBearer() {
    byte[] b = new byte[24];
    random.nextBytes(b);
    return "sess_" + HexFormat.of().formatHex(b);
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
