package dev.tokensandbox.client.rtc;

import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.backend.RtcCheck;
import dev.tokensandbox.client.backend.RtcTokenQuery;

/**
 * The RTC service as the engine sees it: it checks a token for a join or a renew. The real one is
 * the mock backend's provider routes ({@link #backend}); an in-memory one (a test fixture) serves
 * the offline soaks. Calls are blocking; the engine runs them through its {@code CallRunner}.
 */
public interface RtcService {
  Outcome<RtcCheck> join(String token, RtcTokenQuery who);

  Outcome<RtcCheck> renew(String token, RtcTokenQuery who);

  /** {@code POST /provider/rtc/join|renew} on the mock backend. */
  static RtcService backend(BackendClient client) {
    return new RtcService() {
      @Override
      public Outcome<RtcCheck> join(String token, RtcTokenQuery who) {
        return client.rtcJoin(token, who);
      }

      @Override
      public Outcome<RtcCheck> renew(String token, RtcTokenQuery who) {
        return client.rtcRenew(token, who);
      }
    };
  }
}
