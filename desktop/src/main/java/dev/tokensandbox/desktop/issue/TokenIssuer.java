package dev.tokensandbox.desktop.issue;

import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.backend.CustomerSession;
import dev.tokensandbox.client.backend.Outcome;
import dev.tokensandbox.desktop.host.BackendClients;

/**
 * Sends the Issue screen's request through the client core: logs the demo user in first when the
 * flow needs a session, then asks for the token. Blocking; the view-model runs it off the UI
 * thread.
 */
public final class TokenIssuer {
  private final BackendClients clients;
  private final String device;

  /** {@code device} is how the backend's journal names these requests. */
  public TokenIssuer(BackendClients clients, String device) {
    this.clients = clients;
    this.device = device;
  }

  /** The token, or the typed reason there is none. */
  public Outcome<String> issue(String baseUrl, FlowRequest request) {
    BackendClient client = clients.forDevice(baseUrl, device);
    CustomerSession session = null;
    if (request.login()) {
      Outcome<CustomerSession> login =
          client.login(FlowRequest.DEMO_USER, FlowRequest.DEMO_PASSWORD);
      if (!(login instanceof Outcome.Success<CustomerSession> ok)) {
        return cast(login);
      }
      session = ok.value();
    }
    return client.token(request.method(), request.pathAndQuery(), request.jsonBody(), session);
  }

  @SuppressWarnings("unchecked")
  private static Outcome<String> cast(Outcome<?> failure) {
    return (Outcome<String>) failure; // a failure carries no value, whatever its type parameter
  }
}
