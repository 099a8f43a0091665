package dev.tokensandbox.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AsyncLineWriterTest {
  private final StringWriter text = new StringWriter();

  @Test
  void queuedLinesAreWrittenInOrderInOneBatch() {
    CountingWriter counting = new CountingWriter();
    AsyncLineWriter log = new AsyncLineWriter(new PrintWriter(counting), 4096);

    IntStream.range(0, 3000).forEach(i -> log.accept("GET /ping → 200 #" + i));
    assertThat(counting.text.toString()).isEmpty(); // nothing written on the request threads
    log.flush();

    String[] lines = counting.text.toString().split("\\R");
    assertThat(lines).hasSize(3000);
    assertThat(lines[0]).isEqualTo("GET /ping → 200 #0");
    assertThat(lines[2999]).isEqualTo("GET /ping → 200 #2999");
    assertThat(counting.writes).isEqualTo(1);
    assertThat(log.dropped()).isZero();
  }

  @Test
  void aFullQueueDropsAndCountsLinesInsteadOfBlockingTheCaller() {
    AsyncLineWriter log = new AsyncLineWriter(new PrintWriter(text), 2);

    log.accept("first");
    log.accept("second");
    log.accept("lost 1");
    log.accept("lost 2");
    assertThat(log.dropped()).isEqualTo(2);
    log.flush();
    log.accept("third");
    log.close();

    assertThat(text.toString().split("\\R"))
        .containsExactly(
            "first", "second", "(2 log lines dropped: the output could not keep up)", "third");
  }

  @Test
  void aStartedWriterFlushesOnItsOwnAndCloseWritesTheRest() throws Exception {
    CountDownLatch flushed = new CountDownLatch(1);
    Writer signalling =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) {
            text.write(buf, off, len);
          }

          @Override
          public void flush() {
            flushed.countDown();
          }

          @Override
          public void close() {}
        };
    AsyncLineWriter log =
        AsyncLineWriter.start(new PrintWriter(signalling), 16, Duration.ofMillis(10));

    log.accept("GET /ping → 200");
    assertThat(flushed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(text.toString()).isEqualTo("GET /ping → 200" + System.lineSeparator());

    log.accept("POST /auth/login → 200");
    log.close();
    log.accept("after close");
    assertThat(text.toString()).endsWith("POST /auth/login → 200" + System.lineSeparator());
    assertThat(log.dropped()).isEqualTo(1);
  }

  /** Counts the writes that reach the output. */
  private static final class CountingWriter extends Writer {
    final StringBuilder text = new StringBuilder();
    int writes;

    @Override
    public void write(char[] buf, int off, int len) {
      writes++;
      text.append(buf, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
