package dev.tokensandbox.backend.internal.customer;

import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.RouteContext;
import dev.tokensandbox.backend.internal.http.Routes;
import dev.tokensandbox.backend.internal.http.ServerSettings;
import dev.tokensandbox.backend.internal.mint.TokenMint;
import dev.tokensandbox.backend.tokens.RtcRole;
import dev.tokensandbox.backend.tokens.RtcTokenRequest;
import dev.tokensandbox.backend.tokens.RtcUser;
import dev.tokensandbox.backend.tokens.TokenRules;
import dev.tokensandbox.protocol.Route;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Agora Go/Gin tutorial's routes (seed 002), JSON answers, trailing slashes as in the tutorial.
 * The workspace switch {@link ServerSettings#ginLegacyTokens()} makes them issue legacy 006 tokens
 * like the tutorial's old builder.
 */
public final class GinRoutes {
  private final TokenMint mint;
  private final CustomerAuth auth;
  private final ServerSettings settings;

  public GinRoutes(TokenMint mint, CustomerAuth auth, ServerSettings settings) {
    this.mint = mint;
    this.auth = auth;
    this.settings = settings;
  }

  public void register(Routes routes) {
    routes.add(Route.GIN_PING, ctx -> Http.json(ctx, 200, Map.of("message", "pong")));
    routes.add(Route.GIN_RTC, this::rtc);
    routes.add(Route.GIN_RTM, this::rtm);
    routes.add(Route.GIN_RTE, this::rte);
  }

  private void rtc(Context ctx) {
    auth.requireCustomer(ctx, null);
    Http.json(ctx, 200, Map.of("rtcToken", rtcToken(ctx)));
  }

  private void rtm(Context ctx) {
    auth.requireCustomer(ctx, null);
    Http.json(ctx, 200, Map.of("rtmToken", rtmToken(ctx)));
  }

  private void rte(Context ctx) {
    auth.requireCustomer(ctx, null);
    Map<String, String> both = new LinkedHashMap<>();
    both.put("rtcToken", rtcToken(ctx));
    both.put("rtmToken", rtmToken(ctx));
    Http.json(ctx, 200, both);
  }

  private String rtcToken(Context ctx) {
    String channel = TokenRules.channel("channelName", ctx.pathParam("channelName"), false);
    RtcRole role = RtcRole.parse("role", ctx.pathParam("role"));
    String uid = ctx.pathParam("uid");
    RtcUser user =
        switch (ctx.pathParam("tokentype")) {
          case "uid" -> RtcUser.uid(TokenRules.uid("uid", uid));
          case "userAccount" -> RtcUser.account(uid);
          default -> throw ApiError.badRequest("tokentype", "must be uid or userAccount");
        };
    int expiry = Http.expiry(ctx, "expiry", 3600);
    RtcTokenRequest request = RtcTokenRequest.forRole(channel, user, role, expiry, expiry);
    return mint.rtc(
            RouteContext.route(ctx), RouteContext.faults(ctx), request, settings.ginLegacyTokens())
        .token();
  }

  private String rtmToken(Context ctx) {
    String uid = TokenRules.account("uid", ctx.pathParam("uid"));
    int expiry = Http.expiry(ctx, "expiry", 3600);
    return mint.rtm(
            RouteContext.route(ctx),
            RouteContext.faults(ctx),
            uid,
            expiry,
            settings.ginLegacyTokens())
        .token();
  }
}
