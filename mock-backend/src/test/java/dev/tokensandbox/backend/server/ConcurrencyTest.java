package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Load: {@code load.requests} token requests (10,000 per build, 100,000 with {@code -Plong}) over
 * 128 connections — every one answered 200 with a token, and what the sandbox keeps (journal,
 * unredacted reveal copies, issued-token history) stays bounded however many pass.
 */
class ConcurrencyTest {

  @Test
  void manyParallelTokenRequestsAllSucceedAndMemoryStaysBounded() throws InterruptedException {
    try (ServerFixture sandbox = new ServerFixture(SandboxServer.builder().journalCapacity(100))) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(128);
      dispatcher.setMaxRequestsPerHost(128);
      OkHttpClient client =
          sandbox
              .http
              .newBuilder()
              .dispatcher(dispatcher)
              .connectionPool(new ConnectionPool(128, 1, TimeUnit.MINUTES))
              .build();
      int total = Integer.getInteger("load.requests", 10_000);
      CountDownLatch done = new CountDownLatch(total);
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      for (int i = 0; i < total; i++) {
        String url = sandbox.server.url() + "/api/agora/token?channelName=load&uid=" + (i + 1);
        client
            .newCall(new Request.Builder().url(url).build())
            .enqueue(
                new Callback() {
                  @Override
                  public void onResponse(Call call, Response response) throws IOException {
                    try (response) {
                      if (response.code() == 200 && response.body().string().startsWith("007")) {
                        ok.incrementAndGet();
                      } else {
                        failed.incrementAndGet();
                      }
                    } finally {
                      done.countDown();
                    }
                  }

                  @Override
                  public void onFailure(Call call, IOException e) {
                    failed.incrementAndGet();
                    done.countDown();
                  }
                });
      }

      assertThat(done.await(300, TimeUnit.SECONDS)).as("all requests answered").isTrue();
      assertThat(failed.get()).isZero();
      assertThat(ok.get()).isEqualTo(total);
      assertThat(sandbox.server.admin().journal(Integer.MAX_VALUE).entries().size()).isEqualTo(100);
      assertThat(sandbox.server.admin().journal(1).dropped()).isEqualTo(total - 100);
      assertThat(sandbox.server.admin().reveal(1))
          .as("the oldest unredacted copy is gone")
          .isEmpty();
      long newest = sandbox.server.admin().journal(1).entries().get(0).id();
      assertThat(sandbox.server.admin().reveal(newest)).isPresent();
      assertThat(sandbox.server.admin().tokens()).hasSizeLessThanOrEqualTo(500);
      dispatcher.executorService().shutdown();
    }
  }

  @Test
  void customerRoutesThatCallTheProviderDoNotStarveASmallPool() throws InterruptedException {
    // 64 concurrent Ringnity exchanges on the smallest pool (one request thread, as on one core):
    // each needs a second request to the provider mock on the same server, so a handler that held
    // its thread while waiting would deadlock the pool until the provider timeout.
    try (ServerFixture sandbox =
        new ServerFixture(SandboxServer.builder().threads(SandboxServer.MIN_THREADS))) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(64);
      dispatcher.setMaxRequestsPerHost(64);
      OkHttpClient client = sandbox.http.newBuilder().dispatcher(dispatcher).build();
      int total = 256;
      CountDownLatch done = new CountDownLatch(total);
      AtomicInteger ok = new AtomicInteger();
      java.util.List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int i = 0; i < total; i++) {
        client
            .newCall(
                new Request.Builder()
                    .url(sandbox.server.url() + "/ringnity/runtime-token")
                    .post(
                        okhttp3.RequestBody.create(
                            "{\"userId\":\"u" + i + "\"}",
                            okhttp3.MediaType.get("application/json")))
                    .build())
            .enqueue(
                new Callback() {
                  @Override
                  public void onResponse(Call call, Response response) throws IOException {
                    try (response) {
                      if (response.code() == 200) {
                        ok.incrementAndGet();
                      } else {
                        failures.add(response.code() + " " + response.body().string());
                      }
                    } finally {
                      done.countDown();
                    }
                  }

                  @Override
                  public void onFailure(Call call, IOException e) {
                    failures.add(e.toString());
                    done.countDown();
                  }
                });
      }
      assertThat(done.await(60, TimeUnit.SECONDS)).as("all exchanges answered").isTrue();
      assertThat(failures).isEmpty();
      assertThat(ok.get()).isEqualTo(total);
      dispatcher.executorService().shutdown();
    }
  }
}
