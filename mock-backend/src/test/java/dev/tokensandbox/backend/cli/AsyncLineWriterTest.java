package dev.tokensandbox.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AsyncLineWriterTest {

  @Test
  void everyAcceptedLineIsWrittenInOrderByClose() {
    StringWriter text = new StringWriter();
    AsyncLineWriter log = new AsyncLineWriter(new PrintWriter(text), 4096);

    IntStream.range(0, 3000).forEach(i -> log.accept("GET /ping → 200 #" + i));
    log.close();

    String[] lines = text.toString().split("\\R");
    assertThat(lines).hasSize(3000);
    assertThat(lines[0]).isEqualTo("GET /ping → 200 #0");
    assertThat(lines[2999]).isEqualTo("GET /ping → 200 #2999");
    assertThat(log.dropped()).isZero();
  }

  @Test
  void aStuckOutputDropsAndCountsLinesInsteadOfBlockingTheCaller() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StringWriter text = new StringWriter();
    Writer stuck =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) {
            writing.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            text.write(buf, off, len);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    AsyncLineWriter log = new AsyncLineWriter(new PrintWriter(stuck), 2);

    log.accept("first");
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue(); // the writer holds "first"
    log.accept("second");
    log.accept("third");
    log.accept("lost 1");
    log.accept("lost 2");
    assertThat(log.dropped()).isEqualTo(2);

    release.countDown();
    log.close();

    assertThat(text.toString().split("\\R"))
        .containsExactly(
            "first", "second", "third", "(2 log lines dropped: the output could not keep up)");
  }
}
