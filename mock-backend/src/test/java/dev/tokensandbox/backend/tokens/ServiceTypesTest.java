package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.agora.media.AccessToken2;
import io.agora.media.ByteBuf;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every service type of the official builders decodes field by field with the privilege names the
 * official code uses; a type the sandbox does not know is kept (its bytes counted) as the official
 * parsers keep it, and the token still verifies. Services the 2.1.3 library cannot build are packed
 * here in the official wire layout (AgoraIO/Tools {@code AccessToken2.java}, npm {@code
 * agora-token}); the official test vectors ({@link OfficialVectorsTest}) check the same layouts
 * against tokens the official builders made.
 */
class ServiceTypesTest {
  private static final int ISSUE_TS = 1_700_000_000;

  @Test
  void everyKnownServiceDecodesWithItsFieldsAndPrivilegeNames() {
    AccessToken2 token = token();
    AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc("ch", "42");
    rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
    token.addService(rtc);
    AccessToken2.ServiceRtm rtm = new AccessToken2.ServiceRtm("alice");
    rtm.addPrivilegeRtm(AccessToken2.PrivilegeRtm.PRIVILEGE_LOGIN, 600);
    token.addService(rtm);
    token.addService(new Packed(3, Map.of(1, 600, 2, 300), "live", "anchor"));
    AccessToken2.ServiceFpa fpa = new AccessToken2.ServiceFpa();
    fpa.addPrivilegeFpa(AccessToken2.PrivilegeFpa.PRIVILEGE_LOGIN, 0);
    token.addService(fpa);
    AccessToken2.ServiceChat chat = new AccessToken2.ServiceChat("bob");
    chat.addPrivilegeChat(AccessToken2.PrivilegeChat.PRIVILEGE_CHAT_USER, 600);
    token.addService(chat);
    token.addService(new Packed(6, Map.of(1, 600, 2, 600), "cdn", ""));
    token.addService(new AccessToken2.ServiceApaas("room", "user", (short) -1));
    token.addService(new Rtm2("carol", Map.of(0, Map.of(0, List.of("c1", "c2"), 1, List.of()))));
    token.addService(new Packed(9, Map.of(), (String[]) null));
    token.addService(new Packed(10, Map.of(), (String[]) null));

    AccessToken2Info info = decode(build(token));

    assertThat(info.services())
        .extracting(ServiceInfo::name)
        .containsExactly(
            "rtc", "rtm", "streaming", "fpa", "chat", "fcdn", "apaas", "rtm2", "convoai", "stt");
    assertThat(info.services()).allMatch(ServiceInfo::known);
    assertThat(service(info, 1).fields())
        .containsEntry("channelName", "ch")
        .containsEntry("uid", "42");
    assertThat(service(info, 2).fields()).containsEntry("userId", "alice");
    assertThat(service(info, 3).fields())
        .containsEntry("channelName", "live")
        .containsEntry("account", "anchor");
    assertThat(service(info, 3).privileges())
        .extracting(PrivilegeInfo::name)
        .containsExactly("publishMixStream", "publishRawStream");
    assertThat(service(info, 4).privileges())
        .extracting(PrivilegeInfo::name)
        .containsExactly("login");
    assertThat(service(info, 5).privileges())
        .extracting(PrivilegeInfo::name)
        .containsExactly("user");
    assertThat(service(info, 6).privileges())
        .extracting(PrivilegeInfo::name)
        .containsExactly("publish", "play");
    assertThat(service(info, 7).fields())
        .containsEntry("roomUuid", "room")
        .containsEntry("userUuid", "user")
        .containsEntry("role", "-1");
    assertThat(service(info, 8).fields())
        .containsEntry("userId", "carol")
        .containsEntry("permissions.messageChannels.read", "[\"c1\",\"c2\"]")
        .containsEntry("permissions.messageChannels.write", "[]");
    assertThat(service(info, 9).privileges()).isEmpty();
    assertThat(verdict(info, TestFixtures.CERTIFICATE)).isEqualTo(Verification.Verdict.VALID);
    assertThat(verdict(info, TestFixtures.OTHER_CERTIFICATE))
        .isEqualTo(Verification.Verdict.INVALID);
  }

  @Test
  void anUnknownTypeAfterKnownOnesKeepsThemAndVerifiesAsTheOfficialParsersDo() {
    AccessToken2 token = token();
    AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc("ch", "");
    rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
    token.addService(rtc);
    token.addService(new Packed(999, Map.of(1, 600), "opaque", "fields"));

    AccessToken2Info info = decode(build(token));

    assertThat(info.services()).hasSize(2);
    assertThat(info.services().get(0).name()).isEqualTo("rtc");
    ServiceInfo unknown = info.services().get(1);
    assertThat(unknown.known()).isFalse();
    assertThat(unknown.name()).isEqualTo("unknown service 999");
    assertThat(unknown.privileges()).containsExactly(new PrivilegeInfo(1, "privilege1", 600));
    // "opaque" and "fields" with their u16 lengths: 2 + 6 + 2 + 6
    assertThat(unknown.fields()).containsEntry(ServiceInfo.UNDECODED_BYTES, "16");
    assertThat(verdict(info, TestFixtures.CERTIFICATE)).isEqualTo(Verification.Verdict.VALID);
    assertThat(
            TokenField.find(
                    new TokenDescriber(TestFixtures.clock()).describe(info), "services.service999")
                .orElseThrow()
                .label())
        .isEqualTo("Unknown service 999");
  }

  @Test
  void anUnknownTypeBeforeKnownOnesStopsThereAndTheSignatureStillCoversEverything() {
    AccessToken2 token = token();
    token.addService(new Packed(0, Map.of(1, 600), (String[]) null));
    AccessToken2.ServiceRtm rtm = new AccessToken2.ServiceRtm("alice");
    rtm.addPrivilegeRtm(AccessToken2.PrivilegeRtm.PRIVILEGE_LOGIN, 600);
    token.addService(rtm);

    AccessToken2Info info = decode(build(token));

    assertThat(info.services()).extracting(ServiceInfo::name).containsExactly("unknown service 0");
    assertThat(info.service(ServiceInfo.RTM)).isEmpty();
    assertThat(verdict(info, TestFixtures.CERTIFICATE)).isEqualTo(Verification.Verdict.VALID);
    assertThat(verdict(info, TestFixtures.OTHER_CERTIFICATE))
        .isEqualTo(Verification.Verdict.INVALID);
  }

  @Test
  void everyTruncationAndBitFlipOfEveryServiceIsAnErrorOrADecodeNeverAThrow() {
    AccessToken2 token = token();
    token.addService(new Packed(3, Map.of(1, 600), "live", "anchor"));
    token.addService(new Packed(6, Map.of(2, 600), "cdn", "x"));
    token.addService(new AccessToken2.ServiceApaas("room", "user", (short) 2));
    token.addService(
        new Rtm2("carol", Map.of(0, Map.of(0, List.of("c1")), 4, Map.of(1, List.of("u")))));
    token.addService(new Packed(10, Map.of(1, 5), (String[]) null));
    byte[] payload = TokenDecoderTest.payload(build(token));
    int services = 2 + 32 + 2 + 32 + 12 + 2; // signature, appId, issueTs/expire/salt, count

    for (int length = 0; length < payload.length; length++) {
      DecodeResult result =
          TokenDecoder.decode(TokenDecoderTest.token007(java.util.Arrays.copyOf(payload, length)));
      assertThat(result).as("truncated to %d bytes", length).isInstanceOf(DecodeError.class);
      if (length > services) {
        assertThat(((DecodeError) result).field())
            .as("truncated to %d bytes", length)
            .startsWith("services[");
      }
    }
    for (int at = services; at < payload.length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = payload.clone();
        flipped[at] ^= (byte) (1 << bit);
        DecodeResult result = TokenDecoder.decode(TokenDecoderTest.token007(flipped));
        if (result instanceof DecodeError error) {
          assertThat(error.reason()).doesNotContain("internal decoder error");
        } else {
          assertThat(verdict((AccessToken2Info) result, TestFixtures.CERTIFICATE))
              .as("bit %d of byte %d flipped", bit, at)
              .isEqualTo(Verification.Verdict.INVALID);
        }
      }
    }
  }

  private static AccessToken2 token() {
    AccessToken2 token = new AccessToken2();
    token.appId = TestFixtures.APP_ID;
    token.appCert = TestFixtures.CERTIFICATE;
    token.issueTs = ISSUE_TS;
    token.expire = 600;
    token.salt = 1;
    return token;
  }

  private static String build(AccessToken2 token) {
    try {
      return token.build();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static AccessToken2Info decode(String token) {
    return TestFixtures.decodeAs(AccessToken2Info.class, token);
  }

  private static ServiceInfo service(AccessToken2Info info, int type) {
    return info.service(type).orElseThrow();
  }

  private static Verification.Verdict verdict(AccessToken2Info info, String certificate) {
    return TokenVerifier.verify(info, VerificationKeys.certificate(certificate)).verdict();
  }

  /** A service in the official layout: type, privileges, then its strings (none: null). */
  private static class Packed extends AccessToken2.Service {
    private final String[] strings;

    Packed(int type, Map<Integer, Integer> privileges, String... strings) {
      super((short) type);
      privileges.forEach((id, expire) -> this.privileges.put((short) (int) id, expire));
      this.strings = strings == null ? new String[0] : strings;
    }

    @Override
    public ByteBuf pack(ByteBuf buf) {
      super.pack(buf);
      for (String s : strings) {
        buf.put(s);
      }
      return buf;
    }
  }

  /** RTM2 (type 8): userId, then resource type → permission type → resource names. */
  private static final class Rtm2 extends Packed {
    private final String userId;
    private final Map<Integer, Map<Integer, List<String>>> permissions;

    Rtm2(String userId, Map<Integer, Map<Integer, List<String>>> permissions) {
      super(8, Map.of(1, 600), (String[]) null);
      this.userId = userId;
      this.permissions = new java.util.TreeMap<>(permissions);
    }

    @Override
    public ByteBuf pack(ByteBuf buf) {
      super.pack(buf).put(userId).put((short) permissions.size());
      permissions.forEach(
          (resource, byPermission) -> {
            buf.put((short) (int) resource).put((short) byPermission.size());
            new java.util.TreeMap<>(byPermission)
                .forEach(
                    (permission, names) -> {
                      buf.put((short) (int) permission).put((short) names.size());
                      names.forEach(buf::put);
                    });
          });
      return buf;
    }
  }
}
