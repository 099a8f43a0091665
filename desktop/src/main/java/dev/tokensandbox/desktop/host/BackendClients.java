package dev.tokensandbox.desktop.host;

import dev.tokensandbox.client.backend.BackendClient;
import okhttp3.OkHttpClient;

/**
 * The window's HTTP side: one OkHttp client (one connection pool, one set of threads) and the
 * client core's {@link BackendClient}s made from it, one per backend URL and device name. View
 * models ask for clients here and never see OkHttp.
 */
public final class BackendClients implements AutoCloseable {
  private final OkHttpClient http = BackendClient.defaultHttpClient();

  /**
   * A client for the backend at {@code url} that names itself {@code device} in every request (the
   * traffic journal's client column; fault rules for one device match it).
   */
  public BackendClient forDevice(String url, String device) {
    return BackendClient.builder(url).httpClient(http).device(device).build();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
