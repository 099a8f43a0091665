package dev.tokensandbox.backend.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RevealStoreTest {
  private static dev.tokensandbox.protocol.admin.Exchange exchange(long id) {
    return new dev.tokensandbox.protocol.admin.Exchange(
        Map.of("Host", "h"), "req " + id, "resp " + id);
  }

  @Test
  void keepsTheNewestCapacityEntriesAndNeverAnswersForAnotherId() {
    RevealStore store = new RevealStore(3);
    for (long id = 1; id <= 5; id++) {
      store.put(id, exchange(id));
    }
    assertThat(store.get(1)).isEmpty();
    assertThat(store.get(2)).isEmpty();
    assertThat(store.get(3))
        .hasValueSatisfying(e -> assertThat(e.requestBody()).isEqualTo("req 3"));
    assertThat(store.get(5))
        .hasValueSatisfying(e -> assertThat(e.responseBody()).isEqualTo("resp 5"));
    assertThat(store.get(8)).as("same slot as 5, another id").isEmpty();

    store.put(7, exchange(7)); // ids skip when the journal records entries without a copy
    assertThat(store.get(4)).as("its slot now holds 7").isEmpty();
    assertThat(store.get(7)).isPresent();
    assertThat(store.get(5)).isPresent();
  }

  @Test
  void clearForgetsEverythingAndCapacityMustBePositive() {
    RevealStore store = new RevealStore(2);
    store.put(1, exchange(1));
    store.clear();
    assertThat(store.get(1)).isEmpty();
    assertThat(store.get(0)).isEmpty();
    assertThatThrownBy(() -> new RevealStore(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
