package dev.tokensandbox.backend.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Issues HS256 JWTs for the ChatSDK ({@code token}, {@code wsToken}) and Ringnity ({@code
 * contextToken}) flows with nimbus-jose-jwt. Claims: {@code iss}, {@code sub}, {@code aud}, {@code
 * iat}, {@code exp}, {@code jti} and a flow {@code scope}, plus any extra claims of the request.
 */
public final class JwtIssuer {
  /** HS256 needs a key of at least 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  private final byte[] secret;
  private final Clock clock;
  private final RandomGenerator random;

  public JwtIssuer(byte[] secret, Clock clock, RandomGenerator random) {
    if (secret == null || secret.length < MIN_SECRET_BYTES) {
      throw new InvalidTokenRequestException(
          "secret", "must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
    }
    this.secret = secret.clone();
    this.clock = clock;
    this.random = random;
  }

  public IssuedToken issue(JwtKind flow, String subject, int expireSeconds) {
    return issue(flow, subject, expireSeconds, Map.of());
  }

  public IssuedToken issue(
      JwtKind flow, String subject, int expireSeconds, Map<String, Object> extraClaims) {
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenRequestException("sub", "must not be empty");
    }
    TokenRules.expire("expireSeconds", expireSeconds);
    Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
    Instant exp = now.plusSeconds(expireSeconds);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer("token-sandbox")
            .subject(subject)
            .audience(flow.audience())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(exp))
            .jwtID(jti())
            .claim("scope", flow.scope());
    extraClaims.forEach(claims::claim);
    // Header exactly {"alg":"HS256"}: the seeds' tokens start "eyJhbGciOiJIUzI1NiJ9".
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return new IssuedToken(jwt.serialize(), now, exp, null);
  }

  private String jti() {
    byte[] id = new byte[12];
    random.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
