package dev.tokensandbox.client.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.rtc2.Constants;
import dev.tokensandbox.client.session.SessionStats;
import dev.tokensandbox.client.session.TokenSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * 1,000 devices × 24 h of 15-minute tokens in virtual time: every will-expire answered by exactly
 * one renewal, nobody kicked, every issued token accounted for. (Its speed is measured by {@link
 * SoakBenchmark}, not here.)
 */
class SoakTest {
  @Test
  void aThousandDevicesForADayRenewEveryTokenAndNobodyIsKicked() {
    Soak soak = new Soak(1000);
    soak.run(Duration.ofHours(24));

    long renewals = 0;
    for (TokenSession s : soak.sessions) {
      SessionStats st = s.stats();
      assertThat(st.joins()).as(s.device()).isEqualTo(1);
      assertThat(st.kicks()).as(s.device()).isZero();
      assertThat(st.gaveUp()).as(s.device()).isZero();
      assertThat(st.renewRejected()).as(s.device()).isZero();
      assertThat(st.coalesced()).as(s.device()).isZero();
      assertThat(st.renewals()).as(s.device()).isEqualTo(st.willExpire()).isBetween(98, 100);
      assertThat(st.fetches())
          .as(s.device())
          .isEqualTo(st.renewals() + 1 + (s.isRenewing() ? 1 : 0));
      assertThat(s.connectionState()).isEqualTo(Constants.CONNECTION_STATE_CONNECTED);
      renewals += st.renewals();
    }
    long inFlight = soak.sessions.stream().filter(TokenSession::isRenewing).count();
    assertThat(soak.backend.tokensIssued())
        .isEqualTo(renewals + 1000 + inFlightFetched(soak, inFlight));
    assertThat(soak.backend.checks()).isEqualTo(renewals + 1000);
    assertThat(renewals).isGreaterThan(98_000);
  }

  /** A renewal in flight at the end has fetched its token only if it is waiting on the engine. */
  private static long inFlightFetched(Soak soak, long inFlight) {
    long fetched = 0;
    for (TokenSession s : soak.sessions) {
      if (s.isRenewing() && s.stats().tokensIssued() > s.stats().renewals() + 1) {
        fetched++;
      }
    }
    assertThat(fetched).isLessThanOrEqualTo(inFlight);
    return fetched;
  }
}
