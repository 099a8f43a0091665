package dev.tokensandbox.desktop.host;

import dev.tokensandbox.client.backend.BackendClient;
import okhttp3.OkHttpClient;

/**
 * The window's HTTP side: one OkHttp client (one connection pool, one set of threads) and the
 * client core's {@link BackendClient}s made from it, one per backend URL and device name. View
 * models ask for clients here and never see OkHttp.
 *
 * <p>The OkHttp client is made when the first client is asked for (a token issued, a device added),
 * not while the window opens: building it loads the TLS trust store, ~100 ms of the screens' start
 * for a window that may never send a request (#21).
 */
public final class BackendClients implements AutoCloseable {
  private OkHttpClient http;

  /**
   * A client for the backend at {@code url} that names itself {@code device} in every request (the
   * traffic journal's client column; fault rules for one device match it).
   */
  public BackendClient forDevice(String url, String device) {
    return BackendClient.builder(url).httpClient(http()).device(device).build();
  }

  private synchronized OkHttpClient http() {
    if (http == null) {
      http = BackendClient.defaultHttpClient();
    }
    return http;
  }

  @Override
  public synchronized void close() {
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
