package dev.tokensandbox.client.session;

import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.backend.CustomerSession;
import dev.tokensandbox.client.backend.FetchedToken;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.client.backend.RtcTokenQuery;
import dev.tokensandbox.protocol.Flow;

/**
 * Where a session gets its tokens: one blocking fetch per call, as an {@link Outcome}. {@link
 * #backend} goes through the customer backend's route for a flow, logging in first when the flow
 * (or the backend) needs it and once more when a session bearer has expired.
 */
public interface TokenSource {
  Outcome<FetchedToken> fetch();

  /** The flow this source fetches through. */
  Flow flow();

  /**
   * A source over {@code client} for {@code flow}. {@code who} names the RTC channel and user (RTC
   * flows) or the user (Ringnity). {@code username}/{@code password} may be null when the backend
   * runs in demo mode and the flow does not need a login (everything but ChatSDK).
   */
  static TokenSource backend(
      BackendClient client, Flow flow, RtcTokenQuery who, String username, String password) {
    return new TokenSource() {
      private CustomerSession session;

      @Override
      public Flow flow() {
        return flow;
      }

      @Override
      public Outcome<FetchedToken> fetch() {
        boolean freshLogin = false;
        if (session == null && username != null) {
          Outcome<CustomerSession> login = client.login(username, password);
          if (!login.isSuccess()) {
            return login.failure();
          }
          session = login.successValue().get();
          freshLogin = true;
        }
        Outcome<FetchedToken> outcome = once();
        if (outcome instanceof Outcome.Unauthenticated && session != null && !freshLogin) {
          session = null;
          return fetch();
        }
        return outcome;
      }

      private Outcome<FetchedToken> once() {
        switch (flow) {
          case SHENGWANG:
            return client.shengwangRtc(who, session);
          case GIN:
            return client.ginRtc(who, session);
          case RINGNITY:
            String id = session != null ? session.userId() : who.identity();
            String name = session != null ? session.name() : id;
            return client.ringnity(id, name, id + "@example.com", session);
          case CHATSDK:
            return client.chatSdk(session);
          default:
            throw new IllegalStateException("unknown flow " + flow);
        }
      }
    };
  }
}
