package dev.tokensandbox.backend.internal.customer;

import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.RouteContext;
import dev.tokensandbox.backend.internal.http.Routes;
import dev.tokensandbox.backend.internal.mint.TokenMint;
import dev.tokensandbox.backend.tokens.RtcPrivilege;
import dev.tokensandbox.backend.tokens.RtcRole;
import dev.tokensandbox.backend.tokens.RtcTokenRequest;
import dev.tokensandbox.backend.tokens.RtcUser;
import dev.tokensandbox.backend.tokens.TokenRules;
import dev.tokensandbox.protocol.Route;
import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Shengwang/Agora token endpoint of seed 001 and its RTM and Chat siblings: plain-text
 * AccessToken2 answers.
 *
 * <pre>
 * GET /api/agora/token?channelName=&amp;uid=&amp;role=&amp;expireSeconds=   (uid 0, publisher, 3600)
 *     [&amp;userAccount=] [&amp;privilegeExpireSeconds=] [&amp;joinChannelExpire=&amp;pubAudioExpire=&amp;pubVideoExpire=&amp;pubDataStreamExpire=]
 * GET /api/agora/rtm-token?userId=&amp;expireSeconds=
 * GET /api/agora/chat-token?userId=&amp;expireSeconds=      (Chat user token)
 * GET /api/agora/chat-app-token?expireSeconds=           (Chat app token)
 * </pre>
 */
public final class AgoraRoutes {
  private final TokenMint mint;
  private final CustomerAuth auth;

  public AgoraRoutes(TokenMint mint, CustomerAuth auth) {
    this.mint = mint;
    this.auth = auth;
  }

  public void register(Routes routes) {
    routes.add(Route.AGORA_RTC, this::rtc);
    routes.add(Route.AGORA_RTM, this::rtm);
    routes.add(Route.AGORA_CHAT, this::chatUser);
    routes.add(Route.AGORA_CHAT_APP, this::chatApp);
  }

  private void rtc(Context ctx) {
    auth.requireCustomer(ctx, null);
    String channel = ctx.queryParam("channelName");
    if (channel == null) {
      throw ApiError.badRequest("channelName", "is required (\"\" is the wildcard channel)");
    }
    TokenRules.channel("channelName", channel, true);
    RtcUser user = user(ctx);
    RtcRole role =
        RtcRole.parse(
            "role", ctx.queryParamAsClass("role", String.class).getOrDefault("publisher"));
    int expire = Http.expiry(ctx, "expireSeconds", 3600);
    int privilegeExpire = Http.expiry(ctx, "privilegeExpireSeconds", expire);
    RtcTokenRequest standard =
        RtcTokenRequest.forRole(channel, user, role, expire, privilegeExpire);
    Map<RtcPrivilege, Integer> privileges = new EnumMap<>(standard.privileges());
    override(ctx, privileges, RtcPrivilege.JOIN_CHANNEL, "joinChannelExpire");
    override(ctx, privileges, RtcPrivilege.PUBLISH_AUDIO_STREAM, "pubAudioExpire");
    override(ctx, privileges, RtcPrivilege.PUBLISH_VIDEO_STREAM, "pubVideoExpire");
    override(ctx, privileges, RtcPrivilege.PUBLISH_DATA_STREAM, "pubDataStreamExpire");
    RtcTokenRequest request = RtcTokenRequest.withPrivileges(channel, user, expire, privileges);
    Http.text(
        ctx, mint.rtc(RouteContext.route(ctx), RouteContext.faults(ctx), request, false).token());
  }

  private void rtm(Context ctx) {
    auth.requireCustomer(ctx, null);
    String userId = TokenRules.account("userId", ctx.queryParam("userId"));
    int expire = Http.expiry(ctx, "expireSeconds", 3600);
    Http.text(
        ctx,
        mint.rtm(RouteContext.route(ctx), RouteContext.faults(ctx), userId, expire, false).token());
  }

  private void chatUser(Context ctx) {
    auth.requireCustomer(ctx, null);
    String userId = TokenRules.account("userId", ctx.queryParam("userId"));
    int expire = Http.expiry(ctx, "expireSeconds", 3600);
    Http.text(
        ctx,
        mint.chatUser(RouteContext.route(ctx), RouteContext.faults(ctx), userId, expire).token());
  }

  private void chatApp(Context ctx) {
    auth.requireCustomer(ctx, null);
    int expire = Http.expiry(ctx, "expireSeconds", 3600);
    Http.text(ctx, mint.chatApp(RouteContext.route(ctx), RouteContext.faults(ctx), expire).token());
  }

  private static RtcUser user(Context ctx) {
    String account = ctx.queryParam("userAccount");
    if (account != null && ctx.queryParam("uid") != null) {
      throw ApiError.badRequest("uid", "give either uid or userAccount, not both");
    }
    if (account != null) {
      return RtcUser.account(account);
    }
    return RtcUser.uid(Http.queryLong(ctx, "uid", 0, 0, TokenRules.MAX_UID));
  }

  private static void override(
      Context ctx, Map<RtcPrivilege, Integer> privileges, RtcPrivilege p, String param) {
    if (ctx.queryParam(param) != null) {
      privileges.put(p, Http.expiry(ctx, param, 3600));
    }
  }
}
