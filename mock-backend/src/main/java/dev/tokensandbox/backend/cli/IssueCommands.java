package dev.tokensandbox.backend.cli;

import dev.tokensandbox.backend.tokens.AgoraTokenIssuer;
import dev.tokensandbox.backend.tokens.InvalidTokenRequestException;
import dev.tokensandbox.backend.tokens.IssuedToken;
import dev.tokensandbox.backend.tokens.JwtIssuer;
import dev.tokensandbox.backend.tokens.JwtKind;
import dev.tokensandbox.backend.tokens.RtcPrivilege;
import dev.tokensandbox.backend.tokens.RtcRole;
import dev.tokensandbox.backend.tokens.RtcTokenRequest;
import dev.tokensandbox.backend.tokens.RtcUser;
import dev.tokensandbox.backend.tokens.TokenReport;
import dev.tokensandbox.backend.tokens.VerificationKeys;
import dev.tokensandbox.backend.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code issue rtc|rtm|chat-user|chat-app|apaas-room|apaas-user|apaas-app|fpa|jwt}. */
final class IssueCommands {
  private IssueCommands() {}

  static CommandLine create(CliContext context) {
    CommandLine issue = new CommandLine(new Parent(context));
    issue.addSubcommand("rtc", new Rtc(context));
    issue.addSubcommand("rtm", new Rtm(context));
    issue.addSubcommand("chat-user", new ChatUser(context));
    issue.addSubcommand("chat-app", new ChatApp(context));
    issue.addSubcommand("apaas-room", new ApaasRoom(context));
    issue.addSubcommand("apaas-user", new ApaasUser(context));
    issue.addSubcommand("apaas-app", new ApaasApp(context));
    issue.addSubcommand("fpa", new Fpa(context));
    issue.addSubcommand("jwt", new Jwt(context));
    return issue;
  }

  private static final String KINDS =
      "rtc, rtm, chat-user, chat-app, apaas-room, apaas-user, apaas-app, fpa or jwt";

  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = "Issue a token and print it (or --json with its decoded view).")
  static final class Parent implements java.util.concurrent.Callable<Integer> {
    private final CliContext context;

    Parent(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      context.err().println("error: missing token kind: " + KINDS + ".");
      context.err().println("Run 'token-sandbox issue --help' for usage.");
      return Main.EXIT_BAD_INPUT;
    }
  }

  /** Shared by every issue command: credentials, --json and printing. */
  abstract static class Base implements java.util.concurrent.Callable<Integer> {
    final CliContext context;

    @Mixin Credentials credentials = new Credentials();

    @Option(names = "--json", description = "Print the token with its decoded view as JSON.")
    boolean json;

    @Option(
        names = "--issued-at",
        paramLabel = "TIME",
        description =
            "Issue time: Unix seconds or an ISO-8601 instant (default: now). With --salt the"
                + " same inputs give the same token, byte for byte.")
    String issuedAt;

    @Option(
        names = "--salt",
        description =
            "Salt, 1..4294967295 (default: random in 1..99999999, as the official"
                + " builders draw it).")
    Long salt;

    Base(CliContext context) {
      this.context = context;
    }

    abstract IssuedToken issue();

    VerificationKeys keys() {
      return VerificationKeys.certificate(credentials.agora(context).appCertificate());
    }

    @Override
    public Integer call() {
      IssuedToken issued = issue();
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", issued.token());
        out.put("issuedAt", issued.issuedAt().toString());
        out.put("expiresAt", issued.expiresAt().toString());
        if (issued.salt() != null) {
          out.put("salt", issued.salt());
        }
        out.put("decoded", TokenReport.of(issued.token(), keys(), context.clock()));
        Json.print(context.out(), out);
      } else {
        context.out().println(issued.token());
      }
      return 0;
    }

    AgoraTokenIssuer agora() {
      return new AgoraTokenIssuer(credentials.agora(context), context.clock(), context.random())
          .reproducing(issueTime(), salt);
    }

    /** {@code --issued-at} as an instant, or null for "now". */
    java.time.Instant issueTime() {
      if (issuedAt == null) {
        return null;
      }
      String text = issuedAt.strip();
      try {
        return text.matches("\\d{1,10}")
            ? java.time.Instant.ofEpochSecond(Long.parseLong(text))
            : java.time.Instant.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw new InvalidTokenRequestException(
            "issuedAt",
            "must be Unix seconds (e.g. 1764000000) or an ISO-8601 instant"
                + " (e.g. 2025-11-24T16:00:00Z), got \""
                + text
                + "\"");
      }
    }
  }

  @Command(
      name = "rtc",
      mixinStandardHelpOptions = true,
      description = "RTC token (AccessToken2, or 006 with --legacy).")
  static final class Rtc extends Base {
    @Option(
        names = "--channel",
        required = true,
        description = "Channel name; \"\" is the wildcard (any channel).")
    String channel;

    @ArgGroup(exclusive = true)
    UserOption user = new UserOption();

    static final class UserOption {
      @Option(names = "--uid", description = "Numeric uid, 0..4294967295 (default 0 = any user).")
      Long uid;

      @Option(names = "--account", description = "String user account instead of a numeric uid.")
      String account;
    }

    @Option(
        names = "--role",
        defaultValue = "publisher",
        description = "publisher or subscriber (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(
        names = "--expire",
        defaultValue = "3600",
        description = "Token lifetime in seconds, 1..86400 (default: ${DEFAULT-VALUE}).")
    int expire;

    @Option(
        names = "--privilege-expire",
        description = "Lifetime of every privilege in seconds (default: --expire).")
    Integer privilegeExpire;

    @Option(names = "--join-expire", description = "joinChannel lifetime (fine-grained).")
    Integer joinExpire;

    @Option(names = "--audio-expire", description = "publishAudioStream lifetime (fine-grained).")
    Integer audioExpire;

    @Option(names = "--video-expire", description = "publishVideoStream lifetime (fine-grained).")
    Integer videoExpire;

    @Option(names = "--data-expire", description = "publishDataStream lifetime (fine-grained).")
    Integer dataExpire;

    @Option(names = "--legacy", description = "Issue a legacy AccessToken v1 (006) token.")
    boolean legacy;

    @Option(
        names = "--with-rtm",
        description =
            "Add an RTM login to the token (RtcTokenBuilder2.buildTokenWithRtm / WithRtm2).")
    boolean withRtm;

    @Option(
        names = "--rtm-user",
        description = "RTM user id with --with-rtm (default: the --account or --uid).")
    String rtmUser;

    @Option(
        names = "--rtm-expire",
        description = "RTM login lifetime in seconds with --with-rtm (default: --expire).")
    Integer rtmExpire;

    Rtc(CliContext context) {
      super(context);
    }

    @Override
    IssuedToken issue() {
      RtcTokenRequest request = request();
      if (!withRtm && (rtmUser != null || rtmExpire != null)) {
        throw new InvalidTokenRequestException(
            rtmUser != null ? "rtmUserId" : "rtmExpireSeconds", "needs --with-rtm");
      }
      if (withRtm && legacy) {
        throw new InvalidTokenRequestException(
            "rtmUserId", "--with-rtm builds an AccessToken2; 006 carries one service");
      }
      if (withRtm) {
        String user = rtmUser != null ? rtmUser : request.user().tokenValue();
        return agora().rtcWithRtm(request, user, rtmExpire != null ? rtmExpire : expire);
      }
      return legacy ? agora().legacyRtc(request) : agora().rtc(request);
    }

    private RtcTokenRequest request() {
      RtcUser rtcUser =
          user.account != null
              ? RtcUser.account(user.account)
              : RtcUser.uid(user.uid == null ? 0 : user.uid);
      int every = privilegeExpire != null ? privilegeExpire : expire;
      RtcTokenRequest standard =
          RtcTokenRequest.forRole(channel, rtcUser, RtcRole.parse("role", role), expire, every);
      Map<RtcPrivilege, Integer> privileges = new EnumMap<>(standard.privileges());
      override(privileges, RtcPrivilege.JOIN_CHANNEL, joinExpire);
      override(privileges, RtcPrivilege.PUBLISH_AUDIO_STREAM, audioExpire);
      override(privileges, RtcPrivilege.PUBLISH_VIDEO_STREAM, videoExpire);
      override(privileges, RtcPrivilege.PUBLISH_DATA_STREAM, dataExpire);
      return RtcTokenRequest.withPrivileges(channel, rtcUser, expire, privileges);
    }

    /** A fine-grained lifetime grants that privilege even to a subscriber. */
    private static void override(
        Map<RtcPrivilege, Integer> privileges, RtcPrivilege p, Integer seconds) {
      if (seconds != null) {
        privileges.put(p, seconds);
      }
    }
  }

  /** {@code --expire} for the commands whose lifetime defaults to an hour. */
  static final class Lifetime {
    @Option(
        names = "--expire",
        defaultValue = "3600",
        description = "Lifetime in seconds (default: ${DEFAULT-VALUE}).")
    int seconds;
  }

  @Command(
      name = "rtm",
      mixinStandardHelpOptions = true,
      description = "RTM login token (AccessToken2, or 006 with --legacy).")
  static final class Rtm extends Base {
    @Option(names = "--user", required = true, description = "RTM user id.")
    String user;

    @Mixin Lifetime lifetime;

    @Option(names = "--legacy", description = "Issue a legacy AccessToken v1 (006) token.")
    boolean legacy;

    Rtm(CliContext context) {
      super(context);
    }

    @Override
    IssuedToken issue() {
      return legacy
          ? agora().legacyRtm(user, lifetime.seconds)
          : agora().rtm(user, lifetime.seconds);
    }
  }

  @Command(name = "chat-user", mixinStandardHelpOptions = true, description = "Chat user token.")
  static final class ChatUser extends Base {
    @Option(names = "--user", required = true, description = "Chat user id.")
    String user;

    @Mixin Lifetime lifetime;

    ChatUser(CliContext context) {
      super(context);
    }

    @Override
    IssuedToken issue() {
      return agora().chatUser(user, lifetime.seconds);
    }
  }

  @Command(name = "chat-app", mixinStandardHelpOptions = true, description = "Chat app token.")
  static final class ChatApp extends Base {
    @Mixin Lifetime lifetime;

    ChatApp(CliContext context) {
      super(context);
    }

    @Override
    IssuedToken issue() {
      return agora().chatApp(lifetime.seconds);
    }
  }

  @Command(
      name = "apaas-room",
      mixinStandardHelpOptions = true,
      description =
          "APaaS (Flexible Classroom) room-user token: APaaS + RTM + Chat"
              + " (ApaasTokenBuilder.buildRoomUserToken).")
  static final class ApaasRoom extends Base {
    @Option(names = "--room", required = true, description = "Room UUID.")
    String room;

    @Option(names = "--user", required = true, description = "User UUID.")
    String user;

    @Option(
        names = "--role",
        required = true,
        description = "Role number in the room, -32768..32767 (as the official builder takes it).")
    short role;

    @Mixin Lifetime lifetime;

    ApaasRoom(CliContext context) {
      super(context);
    }

    @Override
    IssuedToken issue() {
      return agora().apaasRoomUser(room, user, role, lifetime.seconds);
    }
  }

  @Command(
      name = "apaas-user",
      mixinStandardHelpOptions = true,
      description = "APaaS user token (ApaasTokenBuilder.buildUserToken).")
  static final class ApaasUser extends Base {
    @Option(names = "--user", required = true, description = "User UUID.")
    String user;

    @Mixin Lifetime lifetime;

    ApaasUser(CliContext context) {
      super(context);
    }

    @Override
    IssuedToken issue() {
      return agora().apaasUser(user, lifetime.seconds);
    }
  }

  @Command(
      name = "apaas-app",
      mixinStandardHelpOptions = true,
      description = "APaaS app token (ApaasTokenBuilder.buildAppToken).")
  static final class ApaasApp extends Base {
    @Mixin Lifetime lifetime;

    ApaasApp(CliContext context) {
      super(context);
    }

    @Override
    IssuedToken issue() {
      return agora().apaasApp(lifetime.seconds);
    }
  }

  @Command(
      name = "fpa",
      mixinStandardHelpOptions = true,
      description = "FPA token: 24 h, login privilege (FpaTokenBuilder.buildToken).")
  static final class Fpa extends Base {
    Fpa(CliContext context) {
      super(context);
    }

    @Override
    IssuedToken issue() {
      return agora().fpa();
    }
  }

  @Command(
      name = "jwt",
      mixinStandardHelpOptions = true,
      description = "HS256 JWT for the ChatSDK (token, wsToken) or Ringnity (contextToken) flow.")
  static final class Jwt extends Base {
    @Option(
        names = "--flow",
        defaultValue = "chatsdk",
        description =
            "chatsdk (token), chatsdk-ws (wsToken) or ringnity (contextToken); default: ${DEFAULT-VALUE}.")
    String flow;

    @Option(names = "--sub", required = true, description = "Subject: the user id.")
    String subject;

    @Option(
        names = "--expire",
        description = "Lifetime in seconds (default: 86400 for ChatSDK, 900 for Ringnity).")
    Integer expire;

    @Option(
        names = "--claim",
        paramLabel = "NAME=VALUE",
        description = "Extra string claim (repeatable).")
    Map<String, String> claims = new LinkedHashMap<>();

    @Option(
        names = "--secret",
        description =
            "HS256 secret, at least 32 bytes (default: the workspace's secret for the flow).")
    String secret;

    Jwt(CliContext context) {
      super(context);
    }

    @Override
    IssuedToken issue() {
      JwtKind jwtFlow = JwtKind.parse("flow", flow);
      if (salt != null) {
        throw new InvalidTokenRequestException("salt", "applies to Agora tokens, not to a JWT");
      }
      java.time.Instant at = issueTime();
      java.time.Clock clock =
          at == null ? context.clock() : java.time.Clock.fixed(at, context.clock().getZone());
      return new JwtIssuer(secretFor(jwtFlow), clock, context.random())
          .issue(
              jwtFlow,
              subject,
              expire != null ? expire : jwtFlow.defaultExpireSeconds(),
              new LinkedHashMap<>(claims));
    }

    @Override
    VerificationKeys keys() {
      return VerificationKeys.jwtSecret(
          new String(secretFor(JwtKind.parse("flow", flow)), StandardCharsets.UTF_8));
    }

    private byte[] secretFor(JwtKind jwtFlow) {
      if (secret != null) {
        return secret.getBytes(StandardCharsets.UTF_8);
      }
      Workspace workspace = credentials.workspace(context);
      return jwtFlow == JwtKind.RINGNITY
          ? workspace.ringnitySecretBytes()
          : workspace.chatsdkSecretBytes();
    }
  }
}
