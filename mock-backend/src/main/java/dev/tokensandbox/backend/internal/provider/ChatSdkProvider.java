package dev.tokensandbox.backend.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.RouteContext;
import dev.tokensandbox.backend.internal.http.Routes;
import dev.tokensandbox.backend.internal.mint.TokenMint;
import dev.tokensandbox.backend.tokens.DecodeResult;
import dev.tokensandbox.backend.tokens.IssuedToken;
import dev.tokensandbox.backend.tokens.JwtInfo;
import dev.tokensandbox.backend.tokens.JwtKind;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import dev.tokensandbox.backend.tokens.TokenVerifier;
import dev.tokensandbox.backend.tokens.Verification;
import dev.tokensandbox.backend.tokens.VerificationKeys;
import dev.tokensandbox.protocol.Route;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Mock of the ChatSDK API (seed 003): {@code POST /tokens} ({@code X-API-Key}) upserts the user by
 * {@code userId} and answers {@code {token, wsToken, user, expiresIn}}; {@code GET /api/users/me}
 * takes only a valid, unexpired REST {@code token}; {@code /ws?token=} takes only a valid {@code
 * wsToken} and closes with 4001 otherwise.
 */
public final class ChatSdkProvider {
  public static final int WS_CLOSE_UNAUTHORIZED = 4001;

  private final TokenMint mint;
  private final String apiKey;
  private final String jwtSecret;
  private final Clock clock;

  /** Users kept at most; the least recently upserted goes first (memory bounded by design). */
  public static final int MAX_USERS = 2_000;

  /** A user's {@code custom} object, as JSON, at most this many bytes. */
  public static final int MAX_CUSTOM_BYTES = 2_048;

  private final Map<String, Map<String, Object>> users;

  public ChatSdkProvider(TokenMint mint, String apiKey, String jwtSecret, Clock clock) {
    this(mint, apiKey, jwtSecret, clock, MAX_USERS);
  }

  ChatSdkProvider(TokenMint mint, String apiKey, String jwtSecret, Clock clock, int maxUsers) {
    this.mint = mint;
    this.apiKey = apiKey;
    this.jwtSecret = jwtSecret;
    this.clock = clock;
    this.users =
        java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
                return size() > maxUsers;
              }
            });
  }

  public void register(Routes routes, Javalin app) {
    routes.add(Route.CHATSDK_PROVIDER, this::tokens);
    routes.add(Route.CHATSDK_REST, this::me);
    routes.declare(Route.CHATSDK_WS);
    app.ws(
        Route.CHATSDK_WS.path(),
        ws ->
            ws.onConnect(
                session -> {
                  if (dev.tokensandbox.backend.internal.http.WsOut.refusedRepeatedParameter(
                      session)) {
                    return;
                  }
                  String token = session.queryParam("token");
                  Optional<String> problem = problem(token, JwtKind.CHATSDK_WS);
                  if (problem.isPresent()) {
                    session.closeSession(WS_CLOSE_UNAUTHORIZED, "unauthorized: " + problem.get());
                    return;
                  }
                  JwtInfo jwt = (JwtInfo) TokenDecoder.decode(token);
                  dev.tokensandbox.backend.internal.http.WsOut.bound(session);
                  dev.tokensandbox.backend.internal.http.WsOut.send(
                      session,
                      Http.JSON.writeValueAsString(
                          Map.of(
                              "type",
                              "connected",
                              "user",
                              users.getOrDefault(jwt.stringClaim("sub").orElse(""), Map.of()))));
                }));
  }

  /** Number of distinct users upserted so far. */
  public int userCount() {
    return users.size();
  }

  private void tokens(Context ctx) {
    if (!ProviderKeys.accepts(ctx, ctx.header("X-API-Key"), apiKey)) {
      Http.error(
          ctx,
          new dev.tokensandbox.backend.internal.http.ApiError(
              401,
              "invalid_api_key",
              "X-API-Key",
              "Invalid API key: check the X-API-Key header (and that the key is not revoked)"));
      return;
    }
    JsonNode body = Http.objectBody(ctx);
    String userId = Http.text(body, "userId", 255);
    if (userId == null || userId.isBlank()) {
      throw ApiError.badRequest("userId", "is required");
    }
    JsonNode custom = body.get("custom");
    if (custom != null && !custom.isNull() && !custom.isObject()) {
      throw ApiError.badRequest("custom", "must be a JSON object");
    }
    if (custom != null && custom.toString().length() > MAX_CUSTOM_BYTES) {
      throw ApiError.badRequest(
          "custom",
          "must be at most " + MAX_CUSTOM_BYTES + " bytes as JSON (the sandbox keeps it)");
    }
    // An upsert, as the seed says: the fields given update the user, the others stay.
    Map<String, Object> given = new LinkedHashMap<>();
    if (body.has("name")) {
      given.put("name", Http.text(body, "name", 255));
    }
    if (body.has("image")) {
      given.put("image", Http.text(body, "image", 2048));
    }
    if (custom != null) {
      // Kept as its compact JSON text: a tree of 2 KB of tiny members would take 15 times that.
      given.put(
          "custom",
          custom.isNull()
              ? null
              : new com.fasterxml.jackson.databind.util.RawValue(custom.toString()));
    }
    Map<String, Object> user =
        users.compute(
            userId,
            (id, old) -> {
              Map<String, Object> next = new LinkedHashMap<>();
              next.put("id", id);
              next.put("name", old == null ? null : old.get("name"));
              next.put("image", old == null ? null : old.get("image"));
              if (old != null && old.containsKey("custom")) {
                next.put("custom", old.get("custom"));
              }
              next.putAll(given);
              return next;
            });
    String route = RouteContext.route(ctx);
    Map<String, Object> claims =
        user.get("name") == null ? Map.of() : Map.of("name", user.get("name"));
    IssuedToken rest =
        mint.jwt(route, RouteContext.faults(ctx), JwtKind.CHATSDK, userId, 86_400, claims);
    IssuedToken ws =
        mint.jwt(route, RouteContext.faults(ctx), JwtKind.CHATSDK_WS, userId, 86_400, claims);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", rest.token());
    out.put("wsToken", ws.token());
    // The seed's answer shows the user as {id, name, image}; custom is stored (GET /api/users/me).
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("id", user.get("id"));
    shown.put("name", user.get("name"));
    shown.put("image", user.get("image"));
    out.put("user", shown);
    out.put("expiresIn", rest.expiresAt().getEpochSecond() - rest.issuedAt().getEpochSecond());
    Http.json(ctx, 200, out);
  }

  private void me(Context ctx) {
    String header = ctx.header("Authorization");
    String token =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : null;
    Optional<String> problem = problem(token, JwtKind.CHATSDK);
    if (problem.isPresent()) {
      throw new ApiError(401, "unauthorized", null, problem.get());
    }
    String sub = ((JwtInfo) TokenDecoder.decode(token)).stringClaim("sub").orElse("");
    Http.json(ctx, 200, Map.of("user", users.getOrDefault(sub, Map.of("id", sub))));
  }

  /** Why {@code token} is not acceptable for {@code flow}, or empty when it is. */
  Optional<String> problem(String token, JwtKind flow) {
    if (token == null || token.isBlank()) {
      return Optional.of("missing token");
    }
    DecodeResult decoded = TokenDecoder.decode(token);
    if (!(decoded instanceof JwtInfo jwt)) {
      return Optional.of("not a JWT");
    }
    Verification v = TokenVerifier.verify(jwt, VerificationKeys.jwtSecret(jwtSecret));
    if (v.verdict() != Verification.Verdict.VALID) {
      return Optional.of("invalid token (" + v.detail() + ")");
    }
    if (!flow.scope().equals(jwt.stringClaim("scope").orElse(""))) {
      return Optional.of(
          "wrong token kind: use " + (flow == JwtKind.CHATSDK ? "token" : "wsToken") + " here");
    }
    long exp = jwt.numericClaim("exp").orElse(0L);
    if (clock.instant().getEpochSecond() >= exp) {
      return Optional.of("token expired");
    }
    return Optional.empty();
  }
}
