package dev.tokensandbox.benchmarks;

import dev.tokensandbox.backend.tokens.AgoraCredentials;
import dev.tokensandbox.backend.tokens.AgoraTokenIssuer;
import dev.tokensandbox.backend.tokens.JwtIssuer;
import dev.tokensandbox.backend.tokens.JwtKind;
import dev.tokensandbox.backend.tokens.RtcRole;
import dev.tokensandbox.backend.tokens.RtcTokenRequest;
import dev.tokensandbox.backend.tokens.RtcUser;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import io.agora.media.RtcTokenBuilder;
import io.agora.media.RtcTokenBuilder2;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue and decode, per token: the sandbox's engine for 007 RTC, 006 and JWT; Agora's official
 * builder called directly (the engine wraps it, so the difference is our overhead: validation, the
 * post-build check, bookkeeping); and the raw floor a 007 build cannot go below (three HMAC-SHA256,
 * deflate, base64). Results: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenBenchmarks {
  private static final String APP_ID = "970ca35de60c44645bbae8a215061b33";
  private static final String CERT = "5cfd2fd1755d40ecb72977518be15d3b";

  private AgoraTokenIssuer issuer;
  private JwtIssuer jwtIssuer;
  private RtcTokenRequest request;
  private String token007;
  private String token006;
  private String jwt;
  private byte[] message;
  private int issueTs;

  @Setup
  public void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    issuer =
        new AgoraTokenIssuer(new AgoraCredentials(APP_ID, CERT), clock, new SplittableRandom(1));
    jwtIssuer = new JwtIssuer(new byte[32], clock, new SplittableRandom(2));
    request = RtcTokenRequest.forRole("bench", RtcUser.uid(12345), RtcRole.PUBLISHER, 3600, 3600);
    token007 = issuer.rtc(request).token();
    token006 = issuer.legacyRtc(request).token();
    jwt = jwtIssuer.issue(JwtKind.CHATSDK, "user-123", 3600).token();
    // Measure decoding of real tokens, not a fast path to an error.
    if (!(TokenDecoder.decode(token007) instanceof dev.tokensandbox.backend.tokens.AccessToken2Info)
        || !(TokenDecoder.decode(token006)
            instanceof dev.tokensandbox.backend.tokens.AccessToken1Info)
        || !(TokenDecoder.decode(jwt) instanceof dev.tokensandbox.backend.tokens.JwtInfo)) {
      throw new IllegalStateException("a benchmark token does not decode");
    }
    // The same size as a 007 RTC token's signed message (services and privileges included).
    message = new byte[110];
    new SplittableRandom(3).nextBytes(message);
    issueTs = (int) clock.instant().getEpochSecond();
  }

  @Benchmark
  public String issue007Sandbox() {
    return issuer.rtc(request).token();
  }

  @Benchmark
  public String issue007Official() {
    return new RtcTokenBuilder2()
        .buildTokenWithUid(
            APP_ID, CERT, "bench", 12345, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
  }

  @Benchmark
  public String issue007Floor() throws GeneralSecurityException {
    byte[] k1 =
        hmac(CERT.getBytes(StandardCharsets.UTF_8), ByteBuffer.allocate(4).putInt(issueTs).array());
    byte[] k2 = hmac(k1, ByteBuffer.allocate(4).putInt(7).array());
    byte[] signature = hmac(k2, message);
    byte[] content = new byte[signature.length + message.length];
    System.arraycopy(signature, 0, content, 0, signature.length);
    System.arraycopy(message, 0, content, signature.length, message.length);
    return "007" + Base64.getEncoder().encodeToString(deflate(content));
  }

  @Benchmark
  public String issue006Sandbox() {
    return issuer.legacyRtc(request).token();
  }

  @Benchmark
  public String issue006Official() {
    return new RtcTokenBuilder()
        .buildTokenWithUid(
            APP_ID, CERT, "bench", 12345, RtcTokenBuilder.Role.Role_Publisher, issueTs + 3600);
  }

  @Benchmark
  public String issueJwtSandbox() {
    return jwtIssuer.issue(JwtKind.CHATSDK, "user-123", 3600).token();
  }

  @Benchmark
  public Object decode007() {
    return TokenDecoder.decode(token007);
  }

  @Benchmark
  public Object decode006() {
    return TokenDecoder.decode(token006);
  }

  @Benchmark
  public Object decodeJwt() {
    return TokenDecoder.decode(jwt);
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater();
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
    byte[] buffer = new byte[256];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }
}
