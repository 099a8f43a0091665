package dev.tokensandbox.backend.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A decoded AccessToken2 ({@code 007…}). {@code expire} and every privilege expiry are seconds
 * after {@code issueTs}. {@code signedInfo} is the exact byte range the signature covers.
 */
public record AccessToken2Info(
    String text,
    String appId,
    long issueTs,
    long expire,
    long salt,
    List<ServiceInfo> services,
    byte[] signature,
    byte[] signedInfo)
    implements DecodedToken {

  public AccessToken2Info {
    services = List.copyOf(services);
    signature = signature.clone();
    signedInfo = signedInfo.clone();
  }

  @Override
  public TokenFormat format() {
    return TokenFormat.ACCESS_TOKEN_2;
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] signedInfo() {
    return signedInfo.clone();
  }

  public Instant issuedAt() {
    return Instant.ofEpochSecond(issueTs);
  }

  public Instant expiresAt() {
    return Instant.ofEpochSecond(issueTs + expire);
  }

  /**
   * When a privilege of this token ends: issue time + its relative expiry. A privilege expiry of 0
   * has no limit of its own (the official FPA builder writes 0, and the RTC builders' default
   * {@code privilegeExpire} is 0): the token's expiry applies.
   */
  public Instant privilegeExpiresAt(PrivilegeInfo privilege) {
    return privilege.expire() == 0
        ? expiresAt()
        : Instant.ofEpochSecond(issueTs + privilege.expire());
  }

  public Optional<ServiceInfo> service(int type) {
    return services.stream().filter(s -> s.type() == type).findFirst();
  }
}
