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

/** 2,000 token requests over 64 connections: every one answered 200 with a token. */
class ConcurrencyTest {

  @Test
  void twoThousandParallelTokenRequestsAllSucceed() throws InterruptedException {
    try (ServerFixture sandbox = new ServerFixture(SandboxServer.builder().journalCapacity(100))) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(64);
      dispatcher.setMaxRequestsPerHost(64);
      OkHttpClient client =
          sandbox
              .http
              .newBuilder()
              .dispatcher(dispatcher)
              .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
              .build();
      int total = 2000;
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

      assertThat(done.await(120, TimeUnit.SECONDS)).as("all requests answered").isTrue();
      assertThat(failed.get()).isZero();
      assertThat(ok.get()).isEqualTo(total);
      assertThat(sandbox.server.journal().size()).isEqualTo(100);
      assertThat(sandbox.server.journal().dropped()).isEqualTo(total - 100);
      dispatcher.executorService().shutdown();
    }
  }
}
